using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

public abstract class SecurityTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/account/sign-up")]
    public async Task Every_page_carries_the_safety_headers_and_a_nonce_for_its_own_script(string url)
    {
        using var client = app.CreateAppClient();
        var page = await client.GetAsync(url);

        var csp = page.Header("Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var script = page.Document.QuerySelector("script")!;
        Assert.Contains($"'nonce-{script.GetAttribute("nonce")}'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", page.Header("Referrer-Policy"));
        Assert.Equal("same-origin", page.Header("Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", page.Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", page.Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("microphone=()", page.Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("max-age=", page.Header("Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("", page.Header("Server"));
        Assert.Contains("no-store", page.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a#quick-exit[href='/exit']"));
        Assert.Equal("quick-exit", page.Document.Body!.QuerySelector("a, button, input, select, textarea")!.Id);
    }

    [Fact]
    public async Task Nothing_on_a_page_loads_from_another_host()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        foreach (var url in new[] { "/", "/account/sign-in", "/cases", "/cases/new", $"/cases/{caseId}", "/account/sessions" })
        {
            var page = await client.GetAsync(url);
            var sources = page.Document.QuerySelectorAll("script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
            Assert.All(sources, s => Assert.True(s.StartsWith('/') || s.StartsWith("data:", StringComparison.Ordinal), $"{url} loads {s}"));
        }
    }

    [Fact]
    public async Task Authenticated_pages_are_never_cached_but_fingerprinted_assets_are()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var dashboard = await client.GetAsync($"/cases/{caseId}");
        Assert.Contains("no-store", dashboard.Header("Cache-Control"), StringComparison.Ordinal);

        var css = dashboard.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var asset = await client.Http.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_host_only_secure_httponly_and_strict()
    {
        using var client = app.CreateAppClient();
        var form = await client.GetAsync("/account/sign-up");
        var antiforgery = form.Header("Set-Cookie");
        Assert.Contains("__Host-ir-af=", antiforgery, StringComparison.Ordinal);

        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = Journeys.NewUsername(),
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
        });
        var session = result.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-ir-session=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_token_is_refused_with_a_readable_page_and_nothing_is_saved()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();

        var result = await client.PostAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = "Forged" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("That didn't go through", result.MainText, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Cases.AnyAsync(c => c.Title == "Forged"));
    }

    [Fact]
    public async Task Every_post_handler_refuses_a_post_without_its_token_or_with_another_persons_and_changes_nothing()
    {
        using var seeded = await FormCatalog.SeedCaseAsync(app);
        using var other = app.CreateAppClient();
        await other.SignUpAsync();
        var othersToken = await other.AntiforgeryTokenAsync("/cases/new");
        var before = await ChangesAsync(seeded.CaseId);
        var checkedPosts = 0;
        var checkedForms = 0;

        foreach (var page in await FormCatalog.PagesTakingPostsAsync(app))
        {
            if (page.Route == "error/{code:int?}")
            {
                continue; // The status page re-executed for errors; it reads nothing and changes nothing.
            }

            foreach (var url in FormCatalog.UrlsFor(page.Route, seeded))
            {
                // Every handler the endpoint has, whether or not a form for it is on the page just now.
                foreach (var handler in page.Handlers)
                {
                    var target = handler.Length == 0 ? url : $"{url}?handler={handler}";
                    foreach (var (label, fields) in new[] { ("no token", new Dictionary<string, string>()), ("another person's token", new Dictionary<string, string> { ["__rvt"] = othersToken }) })
                    {
                        var result = await seeded.Owner.PostAsync(target, fields);
                        Assert.True(result.Status == HttpStatusCode.BadRequest, $"POST {target} with {label} answered {(int)result.Status}.");
                        Assert.Contains("That didn't go through", result.MainText, StringComparison.Ordinal);
                        checkedPosts++;
                    }
                }

                // Every form on the page as it stands, filled as a browser would, sent without its token. Quick exit has
                // no form, and opening it would end this person's session.
                if (page.Route == "exit")
                {
                    continue;
                }

                var shown = await seeded.Owner.GetAsync(url);
                if (shown.Status != HttpStatusCode.OK)
                {
                    continue;
                }

                foreach (var form in FormCatalog.PostFormsOn(shown, url))
                {
                    foreach (var submitter in form.Submitters)
                    {
                        var result = await FormCatalog.PostAsync(seeded.Owner, "", form, submitter, FormCatalog.Defaults(form).ToList(), withToken: false);
                        Assert.True(result.Status == HttpStatusCode.BadRequest, $"The form posting to {submitter.Url} without its token answered {(int)result.Status}.");
                        checkedForms++;
                    }
                }
            }
        }

        Assert.Equal(before, await ChangesAsync(seeded.CaseId));
        Assert.True(checkedPosts >= 60 && checkedForms >= 20, $"Only {checkedPosts} handler posts and {checkedForms} forms were tried.");
        Assert.Equal(HttpStatusCode.OK, (await seeded.Owner.GetAsync($"/cases/{seeded.CaseId}")).Status);
    }

    [Fact]
    public async Task A_session_cookie_planted_before_sign_in_is_replaced_at_sign_in_and_never_opens_the_persons_case()
    {
        // Someone plants their own valid session cookie in another person's browser before that person signs in.
        using var attacker = app.CreateAppClient();
        await attacker.SignUpAsync();
        var planted = SessionCookie(attacker)!;
        using var person = app.CreateAppClient();
        var username = await person.SignUpAsync();
        var caseId = await person.CreateCaseAsync("Mine alone");
        await person.SubmitAsync("/cases", new Dictionary<string, string>(), formAction: "/account/sign-out");
        person.Cookies.Add(new Uri("https://app.test"), new Cookie("__Host-ir-session", planted, "/") { Secure = true, HttpOnly = true });
        Assert.Equal(planted, SessionCookie(person));

        var signedIn = await person.SignInAsync(username);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.NotEqual(planted, SessionCookie(person));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/cases/{caseId}")).Status);
        using var replay = app.CreateDefaultClient(new Uri("https://app.test"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/cases/{caseId}");
        request.Headers.Add("Cookie", $"__Host-ir-session={planted}");
        using var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Mine alone", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_up_session_cookie_is_ignored_and_replaced_at_sign_in()
    {
        using var person = app.CreateAppClient();
        var username = await person.SignUpAsync();
        await person.SubmitAsync("/cases", new Dictionary<string, string>(), formAction: "/account/sign-out");
        person.Cookies.Add(new Uri("https://app.test"), new Cookie("__Host-ir-session", "made-up-by-someone-else", "/") { Secure = true });

        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/cases")).Status);
        var signedIn = await person.SignInAsync(username);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.NotEqual("made-up-by-someone-else", SessionCookie(person));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/cases")).Status);
    }

    private static string? SessionCookie(AppClient client) => client.Cookies.GetCookies(new Uri("https://app.test"))["__Host-ir-session"]?.Value;

    /// <summary>Everything a post could change about a case: its history, and the rows people add.</summary>
    private async Task<string> ChangesAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return string.Join(',',
            await db.AuditEvents.CountAsync(e => e.CaseId == caseId),
            await db.Incidents.CountAsync(i => i.CaseId == caseId),
            await db.EvidenceItems.CountAsync(e => e.CaseId == caseId),
            await db.TakedownRequests.CountAsync(t => t.CaseId == caseId),
            await db.AllyInvitations.CountAsync(i => i.CaseId == caseId),
            await db.Cases.CountAsync(c => c.Id == caseId),
            await db.UserSessions.CountAsync(s => s.EndedUtc == null));
    }

    [Fact]
    public async Task An_oversized_form_is_refused_with_a_readable_page_not_a_stack_trace()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var token = await client.AntiforgeryTokenAsync("/cases/new");
        var huge = new string('a', 2 * 1024 * 1024);
        using var content = new StringContent($"__rvt={Uri.EscapeDataString(token)}&Input.Title={huge}", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.Http.PostAsync("/cases/new", content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large to send", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quick_exit_ends_the_session_clears_site_data_and_leaves_for_an_ordinary_site()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var copied = client.CookieHeader;

        var exit = await client.GetAsync("/exit");

        Assert.Equal(HttpStatusCode.Redirect, exit.Status);
        Assert.Equal("https://www.google.com/", exit.Location?.ToString());
        // Cookies and storage, never "cache": clearing the cache holds the old page on screen for seconds in Chromium.
        Assert.Equal("\"cookies\", \"storage\"", exit.Header("Clear-Site-Data"));
        using var replay = app.CreateDefaultClient(new Uri("https://app.test"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/cases/{caseId}");
        request.Headers.Add("Cookie", copied);
        using var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Quick_exit_works_for_someone_not_signed_in()
    {
        using var client = app.CreateAppClient();
        var exit = await client.GetAsync("/exit");
        Assert.Equal(HttpStatusCode.Redirect, exit.Status);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        using var client = app.CreateAppClient();
        using var live = await client.Http.GetAsync("/health/live");
        using var ready = await client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_data_protection_key_ring_is_stored_in_the_database_sealed_under_the_key_ring_key()
    {
        using var client = app.CreateAppClient();
        await client.GetAsync("/account/sign-up");
        await using var db = app.CreateDbContext();
        var keys = await db.DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keys);
        var masterKey = MasterKey.FromBytes(Convert.FromBase64String(app.MasterKeyBase64));
        var otherKey = MasterKey.FromBytes(RandomNumberGenerator.GetBytes(32));
        Assert.All(keys, k =>
        {
            // Ids, dates and algorithms stay readable; the key's secret is only in the sealed element.
            var sealedKey = Assert.Single(XElement.Parse(k.Xml!).Descendants(KeyRingSeal.ElementName));
            Assert.True(KeyRingSeal.IsCurrent(sealedKey));
            Assert.DoesNotContain("<masterKey", k.Xml, StringComparison.Ordinal);
            Assert.Contains(typeof(MasterKeyXmlDecryptor).FullName + ",", k.Xml, StringComparison.Ordinal);

            // With the master key it opens to Data Protection's secret, whose value appears nowhere in the row; with
            // any other key it does not open at all.
            var secret = KeyRingSeal.Open(sealedKey, masterKey.KeyRing);
            Assert.Equal("masterKey", secret.Name.LocalName);
            var value = (string)secret.Element(secret.Name.Namespace + "value")!;
            Assert.True(Convert.FromBase64String(value).Length >= 32);
            Assert.DoesNotContain(value, k.Xml, StringComparison.Ordinal);
            Assert.ThrowsAny<CryptographicException>(() => KeyRingSeal.Open(sealedKey, otherKey.KeyRing));
        });
    }
}

public sealed class SecurityTestsOnSqlite(SqliteApp app) : SecurityTests<SqliteApp>(app);

public sealed class SecurityTestsOnPostgres(PostgresApp app) : SecurityTests<PostgresApp>(app);
