using System.Net;
using System.Text;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static IncidentResponse.Web.Tests.Infrastructure.FormCatalog;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// A property test over every form the app has: whatever is typed (very long text, control characters, right-to-left
/// overrides, markup, SQL, emoji, impossible dates and numbers) never gets a 5xx, never comes back as live markup, and
/// when the form is shown again with its errors, what was typed is still in its field.
/// </summary>
public abstract class HostileInputTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>Fixed, so a failure can be replayed: it is printed in every failure message.</summary>
    public const int Seed = 20261122;

    /// <summary>Submissions per submit button of each form.</summary>
    public const int CasesPerSubmitter = 6;

    /// <summary>Markup that must never come back as it was sent (encoded is fine).</summary>
    public static readonly string[] LiveMarkup = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>"];

    /// <summary>Every C0 control character and DEL.</summary>
    public static readonly string ControlCharacters = new([.. Enumerable.Range(0, 32).Select(i => (char)i), '\u007F']);

    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "'; DROP TABLE \"Cases\";--",
        "1' OR '1'='1",
        "\u202Egnp.exe\u202C",
        "\u202Ereversed\u200F text\u200E",
        "😀 👩🏽‍💻 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈",
        "2026-02-30",
        "99999-01-01",
        "0000-00-00",
        "31/12/2026",
        "25:61",
        "99999999999999999999",
        "-1",
        "NaN",
        "1e309",
        "",
        "   ",
        "a\u0000b",
        ControlCharacters,
        "line one\r\nline two\rthree\n",
        "%00%0d%0a../../etc/passwd",
        "{{7*7}}@(1+1)${7*7}",
        "javascript:alert(1)",
        "https://example.org/\u0000\u202E",
        "00000000-0000-0000-0000-000000000000",
        "Europe/Nowhere",
    ];

    /// <summary>Routes whose post forms are not fuzzed here, and why (each is tested elsewhere).</summary>
    private static readonly Dictionary<string, string> NotFuzzed = new(StringComparer.Ordinal)
    {
        ["account/sign-out"] = "no field to type into; signing out has its own tests",
        ["exit"] = "quick exit: no field to type into, and opening it ends the session; its post (the script's) has its own tests",
        ["error/{code:int?}"] = "the status page (re-executed for errors), with no form of its own",
        ["account/session/extend"] = "post only, from the idle warning's button, with no field to type into",
    };

    /// <summary>Submit buttons not pressed: the binder PDF is printed by Chromium (its own tests); its HTML view is.</summary>
    private static readonly string[] SlowHandlers = ["handler=Pdf"];

    [Fact]
    public async Task Every_form_survives_hostile_input_without_a_5xx_or_live_markup_and_keeps_what_was_typed()
    {
        var random = new Random(Seed);
        var pages = await PagesTakingPostsAsync(app);
        Assert.Contains(pages, p => p.Route == "cases/{caseId:guid}/log/new");
        Assert.Contains(pages, p => p.Route == "account/sign-up");
        var failures = new List<string>();
        var submissions = 0;
        var formsFuzzed = 0;
        var routesWithTypedForms = 0;

        FormCatalog.SeededCase? seeded = null;
        var statuses = new SortedDictionary<int, int>();
        try
        {
            foreach (var page in pages.Where(p => !NotFuzzed.ContainsKey(p.Route)))
            {
                // Case pages share one seeded case (made again if an earlier submission took something away);
                // account pages each get a person of their own, as a failed passphrase check can pause an account.
                seeded ??= await SeedCaseAsync(app);
                if (page.IsCaseScoped && !await AnyOpensAsync(seeded.Owner, UrlsFor(page.Route, seeded)))
                {
                    seeded.Dispose();
                    seeded = await SeedCaseAsync(app);
                }

                using var person = app.CreateAppClient();
                if (!page.IsCaseScoped)
                {
                    // Signed up, and the passphrase just confirmed, as a page behind step-up (passkeys) needs.
                    await person.SignUpAsync();
                    await person.ConfirmPassphraseAsync("/account/sessions");
                }

                using var anonymous = app.CreateAppClient();
                var routeHadTypedForm = false;
                var routeOpened = false;
                foreach (var url in UrlsFor(page.Route, seeded))
                {
                    var signedIn = page.IsCaseScoped ? seeded.Owner : person;
                    var client = await OpensAsync(signedIn, url) ? signedIn : await OpensAsync(anonymous, url) ? anonymous : null;
                    if (client is null)
                    {
                        // One letter state may have no such page (a sent letter is not edited); another state does.
                        output.WriteLine($"Not open in this state: {page.Route} at {url}");
                        continue;
                    }

                    routeOpened = true;
                    var first = await client.GetAsync(url);
                    foreach (var formKey in PostFormsOn(first, url).Where(f => f.Fields.Any(x => x.IsTyped || x.Kind == "select")).Select(f => f.Key).Distinct().ToList())
                    {
                        routeHadTypedForm = true;
                        formsFuzzed++;
                        var submitterCount = PostFormsOn(first, url).First(f => f.Key == formKey).Submitters.Count;
                        for (var s = 0; s < submitterCount; s++)
                        {
                            for (var i = 0; i < CasesPerSubmitter; i++)
                            {
                                var current = await client.GetAsync(url);
                                if (current.Status != HttpStatusCode.OK || PostFormsOn(current, url).FirstOrDefault(f => f.Key == formKey) is not { } form)
                                {
                                    break; // An earlier submission changed the page (a letter sent, say): this form is done.
                                }

                                var submitter = form.Submitters[Math.Min(s, form.Submitters.Count - 1)];
                                if (SlowHandlers.Any(h => submitter.Url.Contains(h, StringComparison.Ordinal)))
                                {
                                    break;
                                }

                                var token = current.Document.QuerySelector("input[name=__rvt]")?.GetAttribute("value") ?? "";
                                var typed = HostileValues(form, random);
                                var values = Defaults(form).Where(d => !typed.ContainsKey(d.Key)).Concat(typed).ToList();
                                var result = await PostAsync(client, token, form, submitter, values);
                                submissions++;
                                statuses[(int)result.Status] = statuses.GetValueOrDefault((int)result.Status) + 1;
                                var where = $"POST {submitter.Url} (route {page.Route}, seed {Seed}, submission {submissions}) with {Describe(typed)}";
                                failures.AddRange(await CheckAsync(client, result, form, typed, where));
                            }
                        }
                    }
                }

                Assert.True(routeOpened, $"No seeded address opens {page.Route}: seed what it needs in FormCatalog.SeedCaseAsync.");
                routesWithTypedForms += routeHadTypedForm ? 1 : 0;
            }
        }
        finally
        {
            seeded?.Dispose();
        }

        output.WriteLine("Answers: " + string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}")));
        output.WriteLine($"Seed {Seed}: {submissions} hostile submissions to {formsFuzzed} forms on {routesWithTypedForms} routes ({pages.Count} routes take posts).");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n" + string.Join("\n", failures.Take(25)));
        Assert.True(routesWithTypedForms >= 15, $"Only {routesWithTypedForms} routes had forms to fuzz: is the seeding complete?");
        Assert.True(submissions >= 100, $"Only {submissions} submissions: the test would prove little.");
    }

    [Fact]
    public async Task A_NUL_pasted_into_a_form_is_left_out_and_the_rest_is_saved()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("before\0after"));
        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png", new Dictionary<string, string> { ["Input.WhatItShows"] = "shows\0this" });

        Assert.Contains("beforeafter", (await client.GetAsync($"/cases/{caseId}/log/{incidentId}")).MainText, StringComparison.Ordinal);
        Assert.Contains("showsthis", (await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}")).MainText, StringComparison.Ordinal);
        var filtered = await client.GetAsync($"/cases/{caseId}/log?platform=%00reddit&kind=%00");
        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Contains("beforeafter", filtered.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_date_is_shown_again_as_typed_with_its_error()
    {
        var seeded = await SeedCaseAsync(app);
        using var _ = seeded;
        var sent = seeded.Ids["requestId"][2];
        var draft = seeded.Ids["requestId"][0];

        var answer = await seeded.Owner.SubmitAsync($"/cases/{seeded.CaseId}/takedowns/{sent}", new Dictionary<string, string> { ["Answer.ReceivedOn"] = "2026-02-30", ["Answer.Note"] = "kept" }, "handler=Answer");
        var edit = await seeded.Owner.SubmitAsync($"/cases/{seeded.CaseId}/takedowns/{draft}/edit", new Dictionary<string, string> { ["Input.LetterDate"] = "31/12/2026" });

        Assert.True(answer.Status == HttpStatusCode.OK, $"{answer.Status} {answer.Location} {sent} {string.Join(' ', seeded.Ids["requestId"])}");
        Assert.Equal("2026-02-30", answer.FieldValue("Answer.ReceivedOn"));
        Assert.Equal("kept", answer.Document.QuerySelector("textarea[name='Answer.Note']")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal("31/12/2026", edit.FieldValue("Input.LetterDate"));
        Assert.NotEqual("", edit.FieldError("Input.LetterDate"));
    }

    [Fact]
    public async Task A_field_too_long_for_the_upload_form_is_named_and_the_other_fields_are_kept()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var fields = new Dictionary<string, string>
        {
            ["Input.WhatItShows"] = new string('x', MultipartUpload.TextFieldMaxBytes + 1),
            ["Input.SourceUrl"] = "https://example.org/kept",
            ["Input.CapturedOn"] = "2026-02-30",
        };

        var result = await client.UploadEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png", fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("too long", result.FieldError("Input.WhatItShows"), StringComparison.Ordinal);
        Assert.Equal("https://example.org/kept", result.FieldValue("Input.SourceUrl"));
        Assert.Equal("2026-02-30", result.FieldValue("Input.CapturedOn"));
        await using var db = app.CreateDbContext();
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.EvidenceItems, e => e.CaseId == caseId));
    }

    private static async Task<bool> AnyOpensAsync(AppClient client, IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (await OpensAsync(client, url))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<bool> OpensAsync(AppClient client, string url) => (await client.GetAsync(url)).Status == HttpStatusCode.OK;

    /// <summary>Hostile values for the form's typed fields (hidden ones always; others mostly), at most one very long.</summary>
    private static Dictionary<string, string> HostileValues(PostForm form, Random random)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var longUsed = false;
        foreach (var field in form.Fields.Where(f => f.IsTyped || f.Kind == "select").DistinctBy(f => f.Name))
        {
            var chance = field.Kind switch { "hidden" => 1.0, "select" => 0.3, _ => 0.8 };
            if (random.NextDouble() >= chance)
            {
                continue;
            }

            var pick = random.Next(10);
            if (pick == 0 && !longUsed)
            {
                longUsed = true;
                values[field.Name] = LongValue(random);
            }
            else if (pick <= 2)
            {
                values[field.Name] = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Payloads[random.Next(Payloads.Length)]));
            }
            else
            {
                values[field.Name] = Payloads[random.Next(Payloads.Length)];
            }
        }

        if (values.Count == 0 && form.Fields.FirstOrDefault(f => f.IsTyped) is { } any)
        {
            values[any.Name] = Payloads[random.Next(Payloads.Length)];
        }

        return values;
    }

    /// <summary>100,000 characters of payloads end to end (markup, emoji and control characters included).</summary>
    private static string LongValue(Random random)
    {
        var text = new StringBuilder(100_100);
        while (text.Length < 100_000)
        {
            text.Append(Payloads[random.Next(Payloads.Length)]).Append(' ');
        }

        var value = text.ToString(0, 100_000);
        return char.IsHighSurrogate(value[^1]) ? value[..^1] : value;
    }

    private async Task<List<string>> CheckAsync(AppClient client, AppClient.PageResult result, PostForm form, Dictionary<string, string> typed, string where)
    {
        var failures = new List<string>();
        if ((int)result.Status >= 500)
        {
            failures.Add($"{(int)result.Status} for {where}");
            return failures;
        }

        failures.AddRange(LiveMarkupIn(result, where));
        if (result.Status is not (HttpStatusCode.OK or HttpStatusCode.Redirect))
        {
            output.WriteLine($"{(int)result.Status} for {where[..Math.Min(200, where.Length)]}");
            if (result.MainText.Contains("   at ", StringComparison.Ordinal) || result.MainText.Trim().Length == 0)
            {
                failures.Add($"{(int)result.Status} without a readable page for {where}");
            }

            // Only a form too large to send may be refused (with its own kind page), and a form whose record id was
            // replaced by one naming nothing in this case (a tampered form) gets 404, as a stranger's id does.
            var namesNoRecord = result.Status == HttpStatusCode.NotFound
                && typed.Any(t => Guid.TryParse(t.Value, out var id) && form.Fields.FirstOrDefault(f => f.Name == t.Key) is { Kind: "hidden" } was && was.Value != t.Value);
            if (result.Status != HttpStatusCode.RequestEntityTooLarge && !namesNoRecord)
            {
                failures.Add($"{(int)result.Status} for {where}");
            }
        }

        if (result.Status == HttpStatusCode.Redirect && result.Location is { IsAbsoluteUri: false } next && next.OriginalString.StartsWith('/'))
        {
            var landed = await client.GetAsync(next.OriginalString);
            if ((int)landed.Status >= 500)
            {
                failures.Add($"{(int)landed.Status} opening {next} after {where}");
            }

            failures.AddRange(LiveMarkupIn(landed, $"{next} after {where}"));
        }

        if (result.Status == HttpStatusCode.OK && result.Document.QuerySelector(".error-summary") is not null)
        {
            foreach (var (name, value) in typed)
            {
                var field = form.Fields.First(f => f.Name == name);
                if (field.Kind is "hidden" or "password" or "select" || result.Document.QuerySelector($"main [name='{name}']") is not { } shown)
                {
                    continue;
                }

                if (form.Multipart && Encoding.UTF8.GetByteCount(value) > MultipartUpload.TextFieldMaxBytes)
                {
                    // The upload form reads its fields as they stream in: one too long is refused (not cut) and named.
                    if (!result.FieldError(name).Contains("too long", StringComparison.Ordinal))
                    {
                        failures.Add($"{name} was too long for the upload form but not said to be — {where}");
                    }

                    continue;
                }

                var kept = shown.LocalName == "textarea"
                    ? (shown.TextContent.StartsWith('\n') ? shown.TextContent[1..] : shown.TextContent)
                    : shown.GetAttribute("value") ?? "";
                if (result.Document.QuerySelector("#skipped .url") is not null && name == "Input.Urls")
                {
                    // Some places were added and the page says so: by design, only the lines not added stay in the box,
                    // each named with its reason. Those must be exactly what the box holds.
                    var skipped = result.Document.QuerySelectorAll("#skipped .url").Select(u => u.TextContent).ToList();
                    if (!kept.Split('\n').SequenceEqual(skipped))
                    {
                        failures.Add($"{name} left in the box {Preview(kept)}, not the lines it says were not added — {where}");
                    }

                    continue;
                }

                if (Comparable(kept) != Comparable(value))
                {
                    failures.Add($"{name} was not kept: sent {Preview(value)}, shown {Preview(kept)} — {where}");
                }
            }
        }

        return failures;
    }

    private static IEnumerable<string> LiveMarkupIn(AppClient.PageResult page, string where) =>
        LiveMarkup.Where(m => page.Html.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{m} came back unescaped: {where}");

    /// <summary>
    /// What a person would see as the same text: line ends as HTML parsing leaves them, control characters (which the
    /// app strips, and HTML cannot carry) and the replacement character left out, and outer white space trimmed.
    /// </summary>
    private static string Comparable(string value) =>
        new string(value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Where(c => c is '\n' or '\t' || (!char.IsControl(c) && c != '\uFFFD')).ToArray()).Trim();

    private static string Describe(Dictionary<string, string> typed) =>
        string.Join(", ", typed.Select(t => $"{t.Key}={Preview(t.Value)}"));

    private static string Preview(string value)
    {
        var escaped = string.Concat(value.Take(60).Select(c => char.IsControl(c) || c is '\u202E' or '\u200E' or '\u200F' or '\u202C' ? $"\\u{(int)c:X4}" : c.ToString()));
        return $"\"{escaped}\"" + (value.Length > 60 ? $"… ({value.Length} chars)" : "");
    }
}

[Trait("Category", "System")]
public sealed class HostileInputTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : HostileInputTests<SqliteApp>(app, output);

[Trait("Category", "System")]
public sealed class HostileInputTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : HostileInputTests<PostgresApp>(app, output);
