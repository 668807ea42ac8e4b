using System.Net;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Pages.Account;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>Recovery codes (issue 21): shown once, kept hashed, single use, under the sign-in lockout, replaceable.</summary>
public abstract class RecoveryCodeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string NewPassphrase = "harbour lantern pebble frost";

    [Fact]
    public async Task Signing_up_leads_to_ten_codes_shown_once_and_only_their_hashes_are_kept()
    {
        using var phone = app.CreateAppClient();
        var username = Journeys.NewUsername();
        var signUp = await phone.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
        });
        Assert.Equal("/account/recovery-codes?returnUrl=%2Fcases%2Fnew", signUp.Location?.OriginalString);
        Assert.Contains("Show my recovery codes", (await phone.GetAsync(signUp.Location!.OriginalString)).MainText, StringComparison.Ordinal);

        var shown = await phone.SubmitAsync(signUp.Location!.OriginalString, new Dictionary<string, string>());

        var codes = CodesOn(shown);
        Assert.Equal(10, codes.Count);
        Assert.Contains("no-store", shown.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.Equal("/cases/new", shown.Document.QuerySelector("main a.button:not([download])")?.GetAttribute("href"));
        var file = Uri.UnescapeDataString(shown.Document.QuerySelector("#download-codes")!.GetAttribute("href")!);
        Assert.All(codes, code => Assert.Contains(code, file, StringComparison.Ordinal));

        var userId = await UserIdAsync(username);
        await using var db = app.CreateDbContext();
        var kept = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Hash).ToListAsync();
        Assert.Equal(
            codes.Select(c => Convert.ToHexString(RecoveryCodeFormat.Hash(RecoveryCodeFormat.Canonical(c)!))).Order(),
            kept.Select(Convert.ToHexString).Order());

        // Shown once: the page now only counts them, and another set needs the passphrase typed again.
        var later = await phone.GetAsync("/account/recovery-codes");
        Assert.Empty(CodesOn(later));
        Assert.Contains("You have 10 of 10 recovery codes left", later.MainText, StringComparison.Ordinal);
        var again = await phone.SubmitAsync("/account/recovery-codes", new Dictionary<string, string>());
        Assert.StartsWith("/account/confirm?", again.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(10, await db.RecoveryCodes.CountAsync(c => c.UserId == userId));
    }

    [Fact]
    public async Task A_code_resets_the_passphrase_once_ends_every_session_and_the_next_sign_in_says_so()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync(makeRecoveryCodes: false);
        var codes = await MakeCodesAsync(phone);
        using var laptop = app.CreateAppClient();
        Assert.Equal("/cases", (await laptop.SignInAsync(username)).Location?.OriginalString);

        using var stranger = app.CreateAppClient();
        var reset = await RecoverAsync(stranger, username, codes[3].ToLowerInvariant().Replace('-', ' '));

        Assert.Equal("/account/sign-in?reset=true", reset.Location?.OriginalString);
        Assert.Contains("Your new passphrase is set", (await stranger.GetAsync(reset.Location!.OriginalString)).MainText, StringComparison.Ordinal);
        foreach (var device in new[] { phone, laptop })
        {
            Assert.StartsWith("https://app.test/account/sign-in", (await device.GetAsync("/cases")).Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(SignInModel.FailureMessage, (await stranger.SignInAsync(username)).FieldError("Input.Passphrase"));
        var reused = await RecoverAsync(stranger, username, codes[3], "another passphrase entirely");
        Assert.Equal(RecoverModel.FailureMessage, reused.FieldError("Input.RecoveryCode"));

        // The next sign-in tells the person, once; after that signing in goes straight on.
        using var next = app.CreateAppClient();
        var signedIn = await next.SignInAsync(username, NewPassphrase);
        Assert.Equal("/account/recovered?returnUrl=%2Fcases", signedIn.Location?.OriginalString);
        var notice = await next.GetAsync(signedIn.Location!.OriginalString);
        Assert.Contains("Your passphrase was reset with a recovery code", notice.MainText, StringComparison.Ordinal);
        Assert.Contains("If that was not you", notice.MainText, StringComparison.Ordinal);
        Assert.Contains(app.Clock.GetUtcNow().UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), notice.Document.QuerySelector("#reset-when")!.TextContent, StringComparison.Ordinal);
        using var after = app.CreateAppClient();
        Assert.Equal("/cases", (await after.SignInAsync(username, NewPassphrase)).Location?.OriginalString);
        Assert.Contains("You have 9 of 10 recovery codes left", (await after.GetAsync("/account/sessions")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_sign_in_lockout_and_a_paused_account_takes_no_code()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync(makeRecoveryCodes: false);
        var codes = await MakeCodesAsync(phone);
        var hashBefore = await PassphraseHashOfAsync(username);

        using var stranger = app.CreateAppClient();
        for (var i = 0; i < 5; i++)
        {
            var guess = await RecoverAsync(stranger, username, RecoveryCodeFormat.NewSet()[0]);
            Assert.Equal(RecoverModel.FailureMessage, guess.FieldError("Input.RecoveryCode"));
        }

        var right = await RecoverAsync(stranger, username, codes[0]);
        var unknown = await RecoverAsync(stranger, "no-such-person-" + Guid.NewGuid().ToString("N")[..8], codes[0]);

        Assert.Equal(RecoverModel.FailureMessage, right.FieldError("Input.RecoveryCode"));
        Assert.Equal(RecoverModel.FailureMessage, unknown.FieldError("Input.RecoveryCode"));
        Assert.Equal(hashBefore, await PassphraseHashOfAsync(username));
        Assert.Equal(SignInModel.FailureMessage, (await stranger.SignInAsync(username)).FieldError("Input.Passphrase"));
        var userId = await UserIdAsync(username);
        await using var db = app.CreateDbContext();
        Assert.Equal(10, await db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedUtc == null));
    }

    [Fact]
    public async Task A_new_set_needs_the_passphrase_again_and_the_old_set_stops_working_at_once()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync(makeRecoveryCodes: false);
        var old = await MakeCodesAsync(phone);

        var asked = await phone.SubmitAsync("/account/recovery-codes", new Dictionary<string, string>());
        Assert.StartsWith("/account/confirm?", asked.Location?.OriginalString, StringComparison.Ordinal);
        var confirmed = await phone.ConfirmPassphraseAsync("/account/recovery-codes");
        Assert.Equal("/account/recovery-codes", confirmed.Location?.OriginalString);
        var fresh = CodesOn(await phone.SubmitAsync("/account/recovery-codes", new Dictionary<string, string>()));
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));

        using var stranger = app.CreateAppClient();
        Assert.Equal(RecoverModel.FailureMessage, (await RecoverAsync(stranger, username, old[0])).FieldError("Input.RecoveryCode"));
        Assert.Equal("/account/sign-in?reset=true", (await RecoverAsync(stranger, username, fresh[0])).Location?.OriginalString);
    }

    [Fact]
    public async Task A_first_set_on_a_session_that_began_a_while_ago_needs_the_passphrase_again()
    {
        // A cookie taken from a device that signed in earlier cannot quietly make codes to take the account later.
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync(makeRecoveryCodes: false);
        app.Clock.Advance(TimeSpan.FromMinutes(6));

        var asked = await phone.SubmitAsync("/account/recovery-codes", new Dictionary<string, string>());

        Assert.StartsWith("/account/confirm?", asked.Location?.OriginalString, StringComparison.Ordinal);
        var userId = await UserIdAsync(username);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.RecoveryCodes.CountAsync(c => c.UserId == userId));
    }

    [Fact]
    public async Task An_account_without_codes_is_offered_them_when_it_signs_in()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync(makeRecoveryCodes: false);

        using var laptop = app.CreateAppClient();
        var signedIn = await laptop.SignInAsync(username);

        Assert.Equal("/account/recovery-codes?returnUrl=%2Fcases", signedIn.Location?.OriginalString);
        Assert.Contains("You have no recovery codes yet", (await laptop.GetAsync("/account/sessions")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_new_passphrase_keeps_what_was_typed_and_leaves_the_code_unspent()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync(makeRecoveryCodes: false);
        var codes = await MakeCodesAsync(phone);

        using var stranger = app.CreateAppClient();
        var refused = await RecoverAsync(stranger, username, codes[1], "short");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("12 characters", refused.FieldError("Input.NewPassphrase"), StringComparison.Ordinal);
        Assert.Equal(username, refused.FieldValue("Input.Username"));
        Assert.Equal(codes[1], refused.FieldValue("Input.RecoveryCode"));
        Assert.Equal("/account/sign-in?reset=true", (await RecoverAsync(stranger, username, codes[1])).Location?.OriginalString);
    }

    [Fact]
    public async Task An_empty_form_gets_a_kind_message_for_each_field()
    {
        using var stranger = app.CreateAppClient();

        var empty = await stranger.SubmitAsync("/account/recover", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Please enter your username.", empty.FieldError("Input.Username"));
        Assert.Equal("Please enter one of your recovery codes.", empty.FieldError("Input.RecoveryCode"));
        Assert.NotEmpty(empty.FieldError("Input.NewPassphrase"));
    }

    [Fact]
    public void Forgot_your_passphrase_and_delete_my_account_share_the_sign_in_pages_rate_limit()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string? PolicyOf(string route) => endpoints.Single(e => e.RoutePattern.RawText == route)
            .Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;

        Assert.Equal(IncidentResponse.Web.Security.RateLimits.Accounts, PolicyOf("account/sign-in"));
        Assert.Equal(PolicyOf("account/sign-in"), PolicyOf("account/recover"));
        Assert.Equal(PolicyOf("account/sign-in"), PolicyOf("account/delete"));
    }

    private static List<string> CodesOn(AppClient.PageResult page) =>
        [.. page.Document.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim())];

    private static async Task<List<string>> MakeCodesAsync(AppClient client)
    {
        var codes = CodesOn(await client.SubmitAsync("/account/recovery-codes", new Dictionary<string, string>()));
        Assert.Equal(10, codes.Count);
        return codes;
    }

    private static Task<AppClient.PageResult> RecoverAsync(AppClient client, string username, string code, string passphrase = NewPassphrase) =>
        client.SubmitAsync("/account/recover", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.RecoveryCode"] = code,
            ["Input.NewPassphrase"] = passphrase,
            ["Input.ConfirmNewPassphrase"] = passphrase,
        });

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
    }

    private async Task<string?> PassphraseHashOfAsync(string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.PasswordHash).SingleAsync();
    }
}

public sealed class RecoveryCodeTestsOnSqlite(SqliteApp app) : RecoveryCodeTests<SqliteApp>(app);

public sealed class RecoveryCodeTestsOnPostgres(PostgresApp app) : RecoveryCodeTests<PostgresApp>(app);
