using System.Globalization;
using System.Text;
using IncidentResponse.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The privacy oracle: one rich case with a unique canary in every field of every private thing (entries, their places
/// and files, finalised letters naming them in both orders, the plan note), in the letter's kept-private sender
/// fields, in a shared file's details and in every ally's username; an ally for every role × evidence images ×
/// export; then everything the app answers — every GET endpoint with every id, every download — fetched as each of
/// them. No one may receive a canary they may not read, and everyone receives the ones they may (so the oracle cannot
/// pass by fetching nothing). Built once per database and shared by both facts.
/// </summary>
[RunsLong(240)]
public abstract class PrivacyOracleTests<TApp>(TApp app, PrivacyOracleRun run, ITestOutputHelper output)
    : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task No_one_receives_a_canary_they_may_not_read_on_any_page_download_or_header()
    {
        var outcome = await run.GetAsync(app);
        Describe(outcome);
        var leaks = outcome.Hits.Where(h => !h.Viewer.MayRead(h.Canary)).ToList();
        Assert.True(outcome.Requests > 1000, $"Only {outcome.Requests} requests were made: the oracle proves little.");
        Assert.True(leaks.Count == 0, LeakReport(outcome, leaks));
    }

    [Fact]
    public async Task The_owner_receives_every_canary_and_each_ally_the_ones_they_may_read()
    {
        var outcome = await run.GetAsync(app);
        var missing = new List<string>(outcome.Problems);
        foreach (var viewer in outcome.Case.Viewers)
        {
            var seen = outcome.Hits.Where(h => h.Viewer == viewer).Select(h => h.Canary).ToHashSet();
            missing.AddRange(outcome.Case.Canaries.Where(c => viewer.MustRead(c) && !seen.Contains(c))
                .Select(c => $"{viewer.Name} never received {c.Label} ({c.Value})."));
            var answered = outcome.Answered.GetValueOrDefault(viewer.Name);
            if (answered < 40)
            {
                missing.Add($"{viewer.Name} had only {answered} answers of 200 OK.");
            }
        }

        Assert.True(missing.Count == 0, "The oracle would prove little:\n" + string.Join('\n', missing));
    }

    private void Describe(PrivacyOracle.Outcome outcome) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{app.Provider}: planted {outcome.Case.Canaries.Count} canaries in {outcome.PlantTime.TotalSeconds:0.0} s; {outcome.Requests} requests as {outcome.Case.Viewers.Count} people in {outcome.FetchTime.TotalSeconds:0.0} s."));

    /// <summary>
    /// Every leak, one line per request, place in the answer and set of people: what reached them. Another ally's
    /// username counts once per line, however many names it shows.
    /// </summary>
    private static string LeakReport(PrivacyOracle.Outcome outcome, List<CanaryHit> leaks)
    {
        var allies = outcome.Case.Viewers.Count(v => !v.IsOwner);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{outcome.Requests} requests as {outcome.Case.Viewers.Count} people ({outcome.FetchTime.TotalSeconds:0} s). ");
        report.Append(CultureInfo.InvariantCulture, $"{leaks.Count} canaries reached someone who may not read them ({leaks.Select(l => (l.Request, l.Where, l.Canary)).Distinct().Count()} distinct request × place × canary):\n");
        foreach (var byClass in leaks.GroupBy(l => l.Canary.Class).OrderBy(g => g.Key))
        {
            report.Append(CultureInfo.InvariantCulture, $"\n== {byClass.Key.ToString().ToUpperInvariant()} ==\n");
            var lines = byClass.GroupBy(l => (l.Request, l.Where)).SelectMany(place => byClass.Key == CanaryClass.AllyName
                ? [(place.Key.Request, place.Key.Where, What: Usernames(place.Select(l => l.Canary).Distinct().Count()), Who: Who(place, allies))]
                : place.GroupBy(l => l.Canary).GroupBy(canary => Who(canary, allies)).Select(same =>
                    (place.Key.Request, place.Key.Where, What: string.Join("; ", same.Select(c => c.Key.What).Order(StringComparer.Ordinal)), Who: same.Key)));
            foreach (var line in lines.OrderBy(l => l.Request, StringComparer.Ordinal).ThenBy(l => l.Where, StringComparer.Ordinal))
            {
                report.Append(CultureInfo.InvariantCulture, $"{line.Request} | {line.Where} | {line.What} | to {line.Who}\n");
            }
        }

        return report.ToString();
    }

    private static string Usernames(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} ally username{(count == 1 ? "" : "s")}, each to the others");

    private static string Who(IEnumerable<CanaryHit> hits, int allies)
    {
        var names = hits.Select(h => h.Viewer.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        return names.Count == allies ? $"all {allies} allies" : string.Join(", ", names);
    }
}

/// <summary>The oracle's one run per database, shared by its facts.</summary>
public sealed class PrivacyOracleRun
{
    private readonly Lock _gate = new();
    private Task<PrivacyOracle.Outcome>? _run;

    public Task<PrivacyOracle.Outcome> GetAsync(AppFixture app)
    {
        lock (_gate)
        {
            return _run ??= PrivacyOracle.RunAsync(app);
        }
    }
}

[Trait("Category", "System")]
public sealed class PrivacyOracleTestsOnSqlite(SqliteApp app, PrivacyOracleRun run, ITestOutputHelper output)
    : PrivacyOracleTests<SqliteApp>(app, run, output), IClassFixture<PrivacyOracleRun>;

[Trait("Category", "System")]
public sealed class PrivacyOracleTestsOnPostgres(PostgresApp app, PrivacyOracleRun run, ITestOutputHelper output)
    : PrivacyOracleTests<PostgresApp>(app, run, output), IClassFixture<PrivacyOracleRun>;
