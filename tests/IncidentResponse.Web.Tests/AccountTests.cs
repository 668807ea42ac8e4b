using System.Net;
using IncidentResponse.Web.Pages.Account;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

public abstract class AccountTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Signing_up_needs_no_email_and_leads_to_recovery_codes_on_the_way_to_starting_a_case()
    {
        using var client = app.CreateAppClient();
        var username = Journeys.NewUsername();
        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
        });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal("/account/recovery-codes?returnUrl=%2Fcases%2Fnew", result.Location?.OriginalString);
        var next = await client.GetAsync("/cases/new");
        Assert.Equal(HttpStatusCode.OK, next.Status);
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == username);
        Assert.Null(user.Email);
        Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short words", "Use at least 12 characters")]
    [InlineData("passwordpassword", "many people use")]
    [InlineData("Sunshine2024!!", "many people use")]
    [InlineData("123456789012", "many people use")]
    public async Task A_weak_passphrase_is_refused_kindly_and_the_username_is_kept(string passphrase, string expected)
    {
        using var client = app.CreateAppClient();
        var username = Journeys.NewUsername();
        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = passphrase,
            ["Input.ConfirmPassphrase"] = passphrase,
            ["Input.Email"] = "kept@example.org",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.FieldError("Input.Passphrase"), StringComparison.Ordinal);
        Assert.Equal(username, result.FieldValue("Input.Username"));
        Assert.Equal("kept@example.org", result.FieldValue("Input.Email"));
        Assert.NotNull(result.Document.QuerySelector(".error-summary"));
        var field = result.Document.QuerySelector("input[name='Input.Passphrase']")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Passphrase-error", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Null(result.Document.QuerySelector("input[name='Input.Username']")!.GetAttribute("aria-invalid"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == username));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("Kettle-River-Orange-Lamp-2024")]
    public async Task The_example_passphrase_shown_on_the_form_is_refused_kindly_and_what_was_typed_is_kept(string written)
    {
        using var client = app.CreateAppClient();
        var form = await client.GetAsync("/account/sign-up");
        var example = System.Text.RegularExpressions.Regex.Match(form.Document.QuerySelector("#passphrase-hint")!.TextContent, "\"(?<words>[^\"]+)\"").Groups["words"].Value;
        Assert.Equal("kettle river orange lamp", example);
        var passphrase = string.Format(System.Globalization.CultureInfo.InvariantCulture, written, example);
        var username = Journeys.NewUsername();

        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = passphrase,
            ["Input.ConfirmPassphrase"] = passphrase,
            ["Input.Email"] = "kept@example.org",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(
            "That is the example we show when you sign up, so anyone could guess it. Please make up your own: a few unrelated words that only you would put together.",
            result.FieldError("Input.Passphrase"));
        Assert.Equal(username, result.FieldValue("Input.Username"));
        Assert.Equal("kept@example.org", result.FieldValue("Input.Email"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == username));
    }

    [Fact]
    public async Task The_form_says_recovery_codes_come_next_that_Download_everything_keeps_a_copy_and_that_no_email_is_sent()
    {
        using var client = app.CreateAppClient();
        var form = await client.GetAsync("/account/sign-up");

        var lost = form.Document.QuerySelector("#lost-passphrase")?.TextContent ?? "";
        Assert.Contains("Next, we will give you ten recovery codes", lost, StringComparison.Ordinal);
        Assert.Contains("there is no other way back in", lost, StringComparison.Ordinal);
        Assert.Contains("Download everything", lost, StringComparison.Ordinal);
        var email = form.Document.QuerySelector("#email-hint")!.TextContent;
        Assert.Contains("This site does not send email", email, StringComparison.Ordinal);
        Assert.DoesNotContain("unless you ask", form.MainText, StringComparison.Ordinal);

        // What it names is what a case's page offers.
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        Assert.Contains("Download everything", (await client.GetAsync($"/cases/{caseId}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_passphrase_of_ordinary_words_is_accepted()
    {
        using var client = app.CreateAppClient();
        var passphrase = string.Join(' ', Enumerable.Repeat("marmalade kitchen violin", 5));
        await client.SignUpAsync(passphrase: passphrase);
        var cases = await client.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.OK, cases.Status);
    }

    [Fact]
    public async Task Mismatched_passphrases_and_a_bad_username_are_explained_next_to_their_fields()
    {
        using var client = app.CreateAppClient();
        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = "no spaces <allowed>",
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase + " x",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("letters, numbers", result.FieldError("Input.Username"), StringComparison.Ordinal);
        Assert.Contains("don't match", result.FieldError("Input.ConfirmPassphrase"), StringComparison.Ordinal);
        Assert.Equal("no spaces <allowed>", result.FieldValue("Input.Username"));
        Assert.DoesNotContain("<allowed>", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_username_is_refused_without_creating_a_second_account()
    {
        using var first = app.CreateAppClient();
        var username = await first.SignUpAsync();
        using var second = app.CreateAppClient();
        var result = await second.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username.ToUpperInvariant(),
            ["Input.Passphrase"] = "another fine passphrase",
            ["Input.ConfirmPassphrase"] = "another fine passphrase",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("choose a different one", result.FieldError("Input.Username"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_failures_read_the_same_whether_or_not_the_username_exists()
    {
        using var owner = app.CreateAppClient();
        var username = await owner.SignUpAsync();
        using var stranger = app.CreateAppClient();

        var wrongPassphrase = await stranger.SignInAsync(username, "not the right passphrase");
        var unknownUser = await stranger.SignInAsync(Journeys.NewUsername(), "not the right passphrase");

        Assert.Equal(HttpStatusCode.OK, wrongPassphrase.Status);
        Assert.Equal(HttpStatusCode.OK, unknownUser.Status);
        Assert.Equal(SignInModel.FailureMessage, wrongPassphrase.FieldError("Input.Passphrase"));
        Assert.Equal(SignInModel.FailureMessage, unknownUser.FieldError("Input.Passphrase"));
        Assert.Equal(username, wrongPassphrase.FieldValue("Input.Username"));
    }

    [Fact]
    public async Task Every_failed_sign_in_costs_one_full_passphrase_check_so_timing_tells_nothing()
    {
        using var owner = app.CreateAppClient();
        var username = await owner.SignUpAsync();
        using var stranger = app.CreateAppClient();
        await stranger.GetAsync("/account/sign-in");

        async Task<int> VerificationsFor(string name, string passphrase)
        {
            var before = app.Hasher.Verifications;
            await stranger.SignInAsync(name, passphrase);
            return app.Hasher.Verifications - before;
        }

        Assert.Equal(1, await VerificationsFor(Journeys.NewUsername(), "unknown person's guess"));
        Assert.Equal(1, await VerificationsFor(username, "a wrong passphrase here"));
        for (var i = 0; i < 5; i++)
        {
            await stranger.SignInAsync(username, $"more wrong guesses {i}");
        }

        Assert.Equal(1, await VerificationsFor(username, "guess while paused now"));
    }

    [Fact]
    public async Task Changing_the_passphrase_signs_out_every_other_device_and_the_old_one_stops_working()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync();
        using var laptop = app.CreateAppClient();
        await laptop.SignInAsync(username);

        var wrongCurrent = await phone.SubmitAsync("/account/passphrase", new Dictionary<string, string>
        {
            ["Input.CurrentPassphrase"] = "not my passphrase at all",
            ["Input.NewPassphrase"] = "lantern meadow copper wave",
            ["Input.ConfirmNewPassphrase"] = "lantern meadow copper wave",
        });
        Assert.Contains("isn't your current passphrase", wrongCurrent.FieldError("Input.CurrentPassphrase"), StringComparison.Ordinal);

        var changed = await phone.SubmitAsync("/account/passphrase", new Dictionary<string, string>
        {
            ["Input.CurrentPassphrase"] = Journeys.GoodPassphrase,
            ["Input.NewPassphrase"] = "lantern meadow copper wave",
            ["Input.ConfirmNewPassphrase"] = "lantern meadow copper wave",
        });

        Assert.Equal("/account/passphrase?changed=true", changed.Location?.OriginalString);
        Assert.Contains("every other device has been signed out", (await phone.GetAsync(changed.Location!.OriginalString)).MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/cases")).Status);
        using var again = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(username)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(username, "lantern meadow copper wave")).Status);
    }

    [Fact]
    public async Task Five_failures_in_a_row_pause_the_account_even_for_the_right_passphrase()
    {
        using var owner = app.CreateAppClient();
        var username = await owner.SignUpAsync();
        using var attacker = app.CreateAppClient();
        for (var i = 0; i < 5; i++)
        {
            await attacker.SignInAsync(username, $"wrong guess number {i}");
        }

        var withRightPassphrase = await attacker.SignInAsync(username);

        Assert.Equal(HttpStatusCode.OK, withRightPassphrase.Status);
        Assert.Equal(SignInModel.FailureMessage, withRightPassphrase.FieldError("Input.Passphrase"));
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == username);
        Assert.NotNull(user.LockoutEnd);
    }

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_and_returns_to_the_page_asked_for()
    {
        using var first = app.CreateAppClient();
        var username = await first.SignUpAsync();
        var caseId = await first.CreateCaseAsync();
        using var second = app.CreateAppClient();

        var anonymous = await second.GetAsync($"/cases/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("https://app.test/account/sign-in?returnUrl=", anonymous.Location?.ToString(), StringComparison.Ordinal);
        var page = await second.GetAsync(anonymous.Location!.PathAndQuery);
        Assert.Equal($"/cases/{caseId}", page.FieldValue("ReturnUrl"));

        var signedIn = await second.SubmitAsync(anonymous.Location!.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });

        Assert.Equal($"/cases/{caseId}", signedIn.Location?.OriginalString);
        var cookie = signedIn.Header("Set-Cookie");
        Assert.Contains("__Host-ir-session=", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/cases/{caseId}")).Status);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var client = app.CreateAppClient();
        var username = await client.SignUpAsync();
        using var other = app.CreateAppClient();
        var result = await other.SubmitAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });

        Assert.Equal("/cases", result.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        var stolen = client.CookieHeader;
        Assert.Contains("__Host-ir-session=", stolen, StringComparison.Ordinal);

        var signOut = await client.SubmitAsync("/cases", new Dictionary<string, string>(), formAction: "/account/sign-out");
        Assert.Equal("/account/signed-out", signOut.Location?.OriginalString);
        Assert.Equal("\"cookies\", \"storage\"", signOut.Header("Clear-Site-Data"));

        using var replay = app.CreateDefaultClient(new Uri("https://app.test"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/cases/{caseId}");
        request.Headers.Add("Cookie", stolen);
        using var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_other_device_too()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync();
        using var laptop = app.CreateAppClient();
        await laptop.SignInAsync(username);

        var sessions = await laptop.GetAsync("/account/sessions");
        Assert.Equal(2, sessions.Document.QuerySelectorAll(".card").Length);
        Assert.Single(sessions.Document.QuerySelectorAll(".tag"));

        var result = await laptop.SubmitAsync("/account/sessions", new Dictionary<string, string>(), formAction: "handler=EndAll");
        Assert.Equal("/account/signed-out", result.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/cases")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/cases")).Status);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_older_cookies_on_the_very_next_request_not_a_minute_later()
    {
        using var client = app.CreateAppClient();
        var username = await client.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).Status);

        // The stamp changes (as a new passphrase changes it) while the server-side session stays open; no time passes.
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == username);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
        }

        var next = await client.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains("/account/sign-in", next.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_left_idle_past_the_timeout_is_ended_and_one_kept_active_is_not()
    {
        using var idle = app.CreateAppClient();
        await idle.SignUpAsync();
        using var active = app.CreateAppClient();
        await active.SignUpAsync();

        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            var extend = await active.SubmitAsync("/cases", new Dictionary<string, string>(), formAction: "/account/session/extend");
            Assert.Equal(HttpStatusCode.Redirect, extend.Status);
            Assert.Equal("/cases", extend.Location?.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/cases")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/cases")).Status);
    }

    [Fact]
    public async Task A_session_ends_after_the_absolute_timeout_however_active()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        for (var i = 0; i < 25; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(29));
            await client.GetAsync("/cases");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/cases")).Status);
    }
}

public sealed class AccountTestsOnSqlite(SqliteApp app) : AccountTests<SqliteApp>(app);

public sealed class AccountTestsOnPostgres(PostgresApp app) : AccountTests<PostgresApp>(app);
