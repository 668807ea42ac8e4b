using System.Net;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>The real app on Kestrel over loopback, where Kestrel's own body limit applies.</summary>
public sealed class KestrelSqliteApp : SqliteApp
{
    public KestrelSqliteApp()
    {
        Set("Security:CookiesRequireHttps", "false");
        UseKestrel(0);
    }

    /// <summary>A client over a real loopback socket (plain HTTP: no development certificate here).</summary>
    public AppClient CreateSocketClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var cookies = new CookieContainer();
        var handler = new CookieContainerHandler(cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        return new AppClient(new HttpClient(handler) { BaseAddress = new Uri(address) }, cookies);
    }
}

/// <summary>
/// Kestrel refuses bodies over <c>Security:MaxFormBodyBytes</c> (its configured MaxRequestBodySize) even without a
/// Content-Length; the upload page's <c>[RequestSizeLimit]</c> must raise that limit for its own requests.
/// </summary>
public sealed class EvidenceKestrelTests(KestrelSqliteApp app) : IClassFixture<KestrelSqliteApp>
{
    [Fact]
    public async Task A_chunked_upload_over_the_form_limit_gets_through_Kestrel_on_the_upload_page()
    {
        using var client = app.CreateSocketClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        var file = TestFiles.Pdf(new byte[3 * 1024 * 1024]);

        using var chunked = new StreamContent(new GeneratedStream(file, file.Length));
        var upload = await client.UploadEvidenceAsync(caseId, chunked, "long.pdf");
        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
    }
}
