using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Pages.Account;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The server's side of passkeys (issue 21) over HTTP; the whole ceremony with a real authenticator is the browser
/// test <c>PasskeyTests</c>. Adding needs step-up; a sign-in ceremony is usernameless, single-use and proves nothing by
/// itself; a passkey is removed only by its owner.
/// </summary>
public abstract class PasskeyCeremonyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task The_passkeys_page_and_adding_one_ask_for_the_passphrase_again_first()
    {
        using var phone = app.CreateAppClient();
        await phone.SignUpAsync();

        var page = await phone.GetAsync("/account/passkeys");
        Assert.Equal("/account/confirm?returnUrl=%2Faccount%2Fpasskeys", page.Location?.OriginalString);
        using var options = await PostJsonAsync(phone, "/account/passkeys?handler=Options", new { });
        Assert.Equal(HttpStatusCode.Redirect, options.StatusCode);
        Assert.StartsWith("/account/confirm?", options.Headers.Location?.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.ConfirmPassphraseAsync("/account/passkeys")).Status);
        using var started = await PostJsonAsync(phone, "/account/passkeys?handler=Options", new { });
        var json = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Required", json.GetProperty("options").GetProperty("authenticatorSelection").GetProperty("residentKey").GetString(), ignoreCase: true);
        Assert.Equal("app.test", json.GetProperty("options").GetProperty("rp").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_sign_in_ceremony_is_usernameless_single_use_and_a_made_up_answer_signs_no_one_in()
    {
        using var stranger = app.CreateAppClient();
        await stranger.GetAsync("/account/sign-in");

        using var first = await PostJsonAsync(stranger, "/account/sign-in?handler=PasskeyOptions", new { });
        using var second = await PostJsonAsync(stranger, "/account/sign-in?handler=PasskeyOptions", new { });
        var one = await first.Content.ReadFromJsonAsync<JsonElement>();
        var two = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(one.GetProperty("options").GetProperty("challenge").GetString(), two.GetProperty("options").GetProperty("challenge").GetString());
        Assert.Equal(0, one.GetProperty("options").TryGetProperty("allowCredentials", out var allowed) && allowed.ValueKind == JsonValueKind.Array ? allowed.GetArrayLength() : 0);

        var ceremony = one.GetProperty("ceremony").GetGuid();
        var madeUp = new
        {
            ceremony,
            response = new
            {
                id = "AAAA",
                rawId = "AAAA",
                type = "public-key",
                response = new { authenticatorData = "AAAA", clientDataJSON = "AAAA", signature = "AAAA", userHandle = "AAAA" },
                clientExtensionResults = new { },
            },
        };
        using var answered = await PostJsonAsync(stranger, "/account/sign-in?handler=Passkey", madeUp);
        var answer = await answered.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(SignInModel.PasskeyFailureMessage, answer.GetProperty("error").GetString());
        Assert.StartsWith("https://app.test/account/sign-in", (await stranger.GetAsync("/cases")).Location?.ToString(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.PasskeyChallenges.AnyAsync(c => c.Id == ceremony), "A ceremony is used once, whatever its answer.");
    }

    [Fact]
    public async Task A_passkey_is_removed_only_by_its_owner()
    {
        using var owner = app.CreateAppClient();
        var ownerName = await owner.SignUpAsync();
        var passkeyId = Guid.NewGuid();
        await using (var db = app.CreateDbContext())
        {
            var userId = await db.Users.Where(u => u.UserName == ownerName).Select(u => u.Id).SingleAsync();
            db.Passkeys.Add(new Passkey { Id = passkeyId, UserId = userId, CredentialId = Guid.NewGuid().ToByteArray(), PublicKey = [1, 2, 3], Name = "Laptop", CreatedUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        using var other = app.CreateAppClient();
        await other.SignUpAsync();
        await other.ConfirmPassphraseAsync("/account/passkeys");
        // The other person has no Remove button for it; they post the form by hand with the owner's passkey's id.
        var removed = await other.PostAsync("/account/passkeys?handler=Remove", new Dictionary<string, string>
        {
            ["passkeyId"] = passkeyId.ToString(),
            ["__rvt"] = await other.AntiforgeryTokenAsync("/account/passkeys"),
        });
        Assert.Equal("/account/passkeys?done=removed", removed.Location?.OriginalString);
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.Passkeys.AnyAsync(p => p.Id == passkeyId));
        }

        await owner.ConfirmPassphraseAsync("/account/passkeys");
        Assert.Contains("Laptop", (await owner.GetAsync("/account/passkeys")).MainText, StringComparison.Ordinal);
        await owner.SubmitAsync("/account/passkeys", new Dictionary<string, string> { ["passkeyId"] = passkeyId.ToString() }, "handler=Remove");
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Passkeys.AnyAsync(p => p.Id == passkeyId));
        }
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(AppClient client, string url, object body)
    {
        var token = await client.AntiforgeryTokenAsync(url.StartsWith("/account/sign-in", StringComparison.Ordinal) ? "/account/sign-in" : "/account/sessions");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request);
    }
}

public sealed class PasskeyCeremonyTestsOnSqlite(SqliteApp app) : PasskeyCeremonyTests<SqliteApp>(app);

public sealed class PasskeyCeremonyTestsOnPostgres(PostgresApp app) : PasskeyCeremonyTests<PostgresApp>(app);
