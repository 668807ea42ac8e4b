using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Times read in the person's own time zone, chosen once for their account and named beside each time; documents keep
/// UTC with the local time beside it; the incident form starts on the account's zone; nothing claims the app checked a
/// place it never visits; and the invitation link is shown whole with a Copy button.
/// </summary>
public abstract class LocalTimeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public async Task A_time_zone_chosen_on_the_account_page_is_saved_and_times_are_shown_in_it()
    {
        var client = app.CreateAppClient();
        using var _ = client;
        var username = await client.SignUpAsync();
        Assert.NotNull((await client.GetAsync("/cases")).Document.QuerySelector("#choose-time-zone a[href^='/account/sessions']"));
        var before = await client.GetAsync("/account/sessions");
        Assert.Contains("shown in UTC", before.Document.QuerySelector("#time-zone-now")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(" UTC", before.Document.QuerySelector("main time")!.TextContent, StringComparison.Ordinal);

        var saved = await client.SubmitAsync("/account/sessions", new Dictionary<string, string> { ["TimeZone"] = "Asia/Tokyo" }, "handler=TimeZone");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("Asia/Tokyo", await db.Users.Where(u => u.UserName == username).Select(u => u.TimeZone).SingleAsync());
        }

        var after = await client.GetAsync(saved.Location!.OriginalString);
        Assert.Contains("Saved. Times are now shown in Tokyo time.", after.MainText, StringComparison.Ordinal);
        Assert.Equal("Asia/Tokyo", after.Document.QuerySelector("select[name='TimeZone'] option[selected]")!.GetAttribute("value"));
        Assert.EndsWith("Tokyo time", after.Document.QuerySelector("main time")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await client.GetAsync("/cases")).Document.QuerySelector("#choose-time-zone"));
    }

    [Fact]
    public async Task A_place_not_in_the_list_is_refused_and_nothing_is_saved()
    {
        var client = app.CreateAppClient();
        using var _ = client;
        var username = await client.SignUpAsync();

        var refused = await client.SubmitAsync("/account/sessions", new Dictionary<string, string> { ["TimeZone"] = "Mars/Olympus" }, "handler=TimeZone");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("choose a place from the list", refused.FieldError("TimeZone"), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Users.Where(u => u.UserName == username).Select(u => u.TimeZone).SingleAsync());
    }

    [Fact]
    public async Task Sign_up_offers_the_time_zone_and_keeps_what_was_chosen()
    {
        var client = app.CreateAppClient();
        using var _ = client;
        var form = await client.GetAsync("/account/sign-up");
        Assert.NotNull(form.Document.QuerySelector("select[name='Input.TimeZone'][data-guess-zone] optgroup[label='Europe'] option[value='Europe/London']"));
        Assert.Equal("London (UK)", form.Document.QuerySelector("option[value='Europe/London']")!.TextContent);
        Assert.NotNull(form.Document.QuerySelector("script[src^='/js/time-zone.js']"));

        var username = Journeys.NewUsername();
        var refused = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
            ["Input.TimeZone"] = "Mars/Olympus",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("choose a place from the list", refused.FieldError("Input.TimeZone"), StringComparison.Ordinal);
        Assert.Equal(username, refused.Document.QuerySelector("input[name='Input.Username']")!.GetAttribute("value"));

        var made = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
            ["Input.TimeZone"] = "Europe/Dublin",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.Status);
        await using var db = app.CreateDbContext();
        Assert.Equal("Europe/Dublin", await db.Users.Where(u => u.UserName == username).Select(u => u.TimeZone).SingleAsync());
    }

    [Fact]
    public async Task Until_a_zone_is_chosen_the_account_page_suggests_the_one_of_the_case_country()
    {
        var client = app.CreateAppClient();
        using var _ = client;
        await client.SignUpAsync();
        await client.CreateCaseAsync(country: "GB");

        var page = await client.GetAsync("/account/sessions");

        Assert.Contains("haven't chosen a time zone yet", page.MainText, StringComparison.Ordinal);
        Assert.Equal("Europe/London", page.Document.QuerySelector("select[name='TimeZone'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_incident_form_starts_on_the_account_zone_and_can_be_changed_for_one_entry()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var unchosen = await client.GetAsync($"/cases/{caseId}/log/new");
        Assert.Null(unchosen.Document.QuerySelector("input[name='Input.TimeZone']"));
        Assert.Equal("", unchosen.Document.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain("Europe/London or +01:00", unchosen.Html, StringComparison.Ordinal);

        await ChooseAsync(client, "Asia/Tokyo");
        var form = await client.GetAsync($"/cases/{caseId}/log/new");
        Assert.Equal("Asia/Tokyo", form.Document.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Tokyo (Japan)", form.Document.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.TextContent);

        var elsewhere = await client.AddIncidentAsync(caseId, app.IncidentForm("A message from abroad", ("TimeZone", "America/New_York")));
        var shown = await client.GetAsync($"/cases/{caseId}/log/{elsewhere}");
        Assert.Contains("21:30 US Eastern time", shown.MainText, StringComparison.Ordinal);
        var occurred = DateOnly.ParseExact(app.Day(10), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(21, 30));
        var inTokyo = TimeZoneInfo.ConvertTime(occurred, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), Tokyo);
        Assert.Equal($"({inTokyo.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} Tokyo time)", shown.Document.QuerySelector("#when-own-zone")!.TextContent.Trim());
        var edit = await client.GetAsync($"/cases/{caseId}/log/{elsewhere}/edit");
        Assert.Equal("America/New_York", edit.Document.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_incident_page_shows_times_in_the_person_zone_and_the_binder_keeps_utc_beside_them()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await ChooseAsync(client, "Asia/Tokyo");
        var added = app.Clock.GetUtcNow();
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Seen at night", ("TimeZone", "Asia/Tokyo")));

        var page = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        var local = TimeZoneInfo.ConvertTime(added, Tokyo).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"Added by {username} on {local} Tokyo time", page.MainText, StringComparison.Ordinal);
        Assert.Contains("21:30 Tokyo time", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#when-own-zone"));
        Assert.DoesNotContain(" UTC", page.MainText, StringComparison.Ordinal);

        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var binder = await BinderViewAsync(client, caseId);
        Assert.Equal(HttpStatusCode.OK, binder.Status);
        var occurred = DateOnly.ParseExact(app.Day(10), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"{occurred}, 21:30 Tokyo time ({occurred}, 12:30 UTC)", Text(binder), StringComparison.Ordinal);
        var utc = added.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Matches($@"{utc}:\d\d UTC \({System.Text.RegularExpressions.Regex.Escape(local)} Tokyo time\)", Text(binder));
    }

    [Fact]
    public async Task No_page_or_binder_says_a_place_was_checked_when_the_app_never_visits_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Posted somewhere"));
        await client.AddSightingsAsync(caseId, "https://www.reddit.com/r/example/comments/lastchecked", incidentId);
        await using var db = app.CreateDbContext();
        var sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");

        var pages = new List<AppClient.PageResult>
        {
            await client.GetAsync($"/cases/{caseId}/sightings"),
            await client.GetAsync($"/cases/{caseId}/sightings/{sightingId}"),
            await client.GetAsync($"/cases/{caseId}/log"),
            await client.GetAsync($"/cases/{caseId}/log/{incidentId}"),
            await BinderViewAsync(client, caseId),
        };

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.All(pages, p => Assert.DoesNotContain("last checked", Text(p), StringComparison.OrdinalIgnoreCase));
        Assert.Contains("status last updated", pages[0].MainText, StringComparison.Ordinal);
        Assert.Contains("Status last updated", pages[1].MainText, StringComparison.Ordinal);
        Assert.Contains("Status last updated", Text(pages[4]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_link_is_shown_whole_with_a_copy_button()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;

        var page = await owner.SubmitAsync(
            $"/cases/{caseId}/people",
            new Dictionary<string, string> { ["Invite.Role"] = CaseRole.Helper.ToString(), ["Invite.Label"] = "" },
            "handler=Invite");

        var field = page.Document.QuerySelector("textarea#invitation-link[readonly]")!;
        Assert.Matches(@"^https?://[^/\s]+/invitations/\S{20,}$", field.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("label[for='invitation-link']"));
        var button = page.Document.QuerySelector("button#copy-invitation-link[type='button']")!;
        Assert.Equal("invitation-link", button.GetAttribute("data-copy-from"));
        Assert.Contains("js-only", button.ClassList);
        Assert.Equal("polite", page.Document.QuerySelector($"#{button.GetAttribute("data-copy-status")}")!.GetAttribute("aria-live"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/copy-link.js']"));
    }

    private static string Text(AppClient.PageResult page) => page.Document.Body?.TextContent ?? "";

    private static async Task ChooseAsync(AppClient client, string zone) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/sessions", new Dictionary<string, string> { ["TimeZone"] = zone }, "handler=TimeZone")).Status);

    /// <summary>The binder as a page (the print view), with its cover, incident log and places found.</summary>
    private static Task<AppClient.PageResult> BinderViewAsync(AppClient client, Guid caseId) =>
        BinderForm.ViewAsync(client, caseId, ["Cover", "IncidentLog", "Sightings"]);
}

public sealed class LocalTimeTestsOnSqlite(SqliteApp app) : LocalTimeTests<SqliteApp>(app);

public sealed class LocalTimeTestsOnPostgres(PostgresApp app) : LocalTimeTests<PostgresApp>(app);
