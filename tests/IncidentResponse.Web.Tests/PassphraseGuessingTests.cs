using System.Net;
using IncidentResponse.Web.Pages.Account;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Someone holding a survivor's unlocked phone cannot guess the current passphrase on the change page.</summary>
public abstract class PassphraseGuessingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string NewPassphrase = "lantern meadow copper wave";

    [Fact]
    public async Task Twenty_wrong_guesses_then_the_right_one_do_not_change_the_passphrase()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync();
        var hashBefore = await PassphraseHashOfAsync(username);

        for (var i = 0; i < 20; i++)
        {
            var guess = await ChangeAsync(phone, $"my guess number {i}");
            Assert.Equal(HttpStatusCode.OK, guess.Status);
        }

        var right = await ChangeAsync(phone, Journeys.GoodPassphrase);

        Assert.Equal(HttpStatusCode.OK, right.Status);
        var message = right.FieldError("Input.CurrentPassphrase");
        Assert.Contains("paused until", message, StringComparison.Ordinal);
        Assert.Contains(" UTC", message, StringComparison.Ordinal);
        Assert.Contains("Nothing has been changed", message, StringComparison.Ordinal);
        Assert.Equal(hashBefore, await PassphraseHashOfAsync(username));
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == username);
        Assert.NotNull(user.LockoutEnd);
        Assert.Contains(user.LockoutEnd!.Value.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);

        // Signing in is paused too: the same lockout, whichever page the guesses came from.
        using var laptop = app.CreateAppClient();
        Assert.Equal(SignInModel.FailureMessage, (await laptop.SignInAsync(username)).FieldError("Input.Passphrase"));
    }

    [Fact]
    public async Task A_wrong_current_passphrase_counts_towards_the_lockout_and_the_right_one_resets_the_count()
    {
        using var phone = app.CreateAppClient();
        var username = await phone.SignUpAsync();

        var wrong = await ChangeAsync(phone, "not my passphrase at all");

        Assert.Equal(PassphraseModel.WrongCurrentMessage, wrong.FieldError("Input.CurrentPassphrase"));
        Assert.Equal(1, await FailedCountOfAsync(username));
        var changed = await ChangeAsync(phone, Journeys.GoodPassphrase);
        Assert.Equal("/account/passphrase?changed=true", changed.Location?.OriginalString);
        Assert.Equal(0, await FailedCountOfAsync(username));
    }

    private static Task<AppClient.PageResult> ChangeAsync(AppClient client, string current) =>
        client.SubmitAsync("/account/passphrase", new Dictionary<string, string>
        {
            ["Input.CurrentPassphrase"] = current,
            ["Input.NewPassphrase"] = NewPassphrase,
            ["Input.ConfirmNewPassphrase"] = NewPassphrase,
        });

    private async Task<string?> PassphraseHashOfAsync(string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.PasswordHash).SingleAsync();
    }

    private async Task<int> FailedCountOfAsync(string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.AccessFailedCount).SingleAsync();
    }
}

public sealed class PassphraseGuessingTestsOnSqlite(SqliteApp app) : PassphraseGuessingTests<SqliteApp>(app);

public sealed class PassphraseGuessingTestsOnPostgres(PostgresApp app) : PassphraseGuessingTests<PostgresApp>(app);

/// <summary>The account rate limit at a size a test can reach: 8 requests a minute.</summary>
public sealed class FewAttemptsSqliteApp : SqliteApp
{
    public const int PerMinute = 8;

    public FewAttemptsSqliteApp() => Set("Security:AccountAttemptsPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <inheritdoc cref="FewAttemptsSqliteApp"/>
public sealed class FewAttemptsPostgresApp : PostgresApp
{
    public FewAttemptsPostgresApp() => Set("Security:AccountAttemptsPerMinute", FewAttemptsSqliteApp.PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>One test per fixture: the limit's window is a real minute, shared by everything the fixture does.</summary>
public abstract class PassphraseRateLimitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task The_passphrase_page_answers_429_kindly_once_one_person_has_used_the_account_limit_and_not_for_another()
    {
        using var phone = app.CreateAppClient();
        await phone.SignUpAsync();
        using var other = app.CreateAppClient();
        await other.SignUpAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < FewAttemptsSqliteApp.PerMinute; i++)
        {
            answers.Add((await phone.GetAsync("/account/passphrase")).Status);
        }

        var over = await phone.GetAsync("/account/passphrase");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.Status);
        Assert.Contains("Please wait a minute", over.MainText, StringComparison.Ordinal);
        Assert.Contains("try again", over.MainText, StringComparison.Ordinal);
        Assert.NotNull(over.Document.QuerySelector("#quick-exit"));

        // The limit counts per signed-in person: someone else at the same address is not slowed down.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/passphrase")).Status);
    }
}

public sealed class PassphraseRateLimitTestsOnSqlite(FewAttemptsSqliteApp app) : PassphraseRateLimitTests<FewAttemptsSqliteApp>(app);

public sealed class PassphraseRateLimitTestsOnPostgres(FewAttemptsPostgresApp app) : PassphraseRateLimitTests<FewAttemptsPostgresApp>(app);

public sealed class RateLimitPartitionTests
{
    [Theory]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    public void An_IPv6_address_counts_as_its_whole_64_and_IPv4_as_itself(string address, string partition) =>
        Assert.Equal(partition, RateLimitPartitions.ForAddress(IPAddress.Parse(address)));
}
