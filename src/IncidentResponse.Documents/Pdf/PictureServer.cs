using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Hands documents' pictures to Chromium as plain HTTP responses on the loopback interface (ADR 0023): a tiny Kestrel
/// bound to 127.0.0.1 on a port the system picks, owned by the printer. Each print is granted a capability, a random
/// 256-bit path segment valid only while that print runs; the capability's own path answers the document's HTML once
/// (so the page is loaded by a plain navigation, not sent through Playwright's messages), and under it each resource
/// name is answered once, its bytes written straight from the caller's callback into the response. Everything else is
/// 404: an unknown or ended capability, a second request for the document or a name, another method, another
/// <c>Host</c>.
/// </summary>
internal sealed class PictureServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PictureGrant> _grants = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private string _host = "";

    /// <summary>Where the server answers: <c>http://127.0.0.1:port</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>How many prints hold a capability now.</summary>
    public int OpenGrants => _grants.Count;

    public static async Task<PictureServer> StartAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration, environment or command line, and registers no logger: nothing of
        // the app's settings moves it off the loopback address, and no request path (a capability) is ever logged.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxRequestHeadersTotalSize = 8 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var server = new PictureServer();
        var app = builder.Build();
        app.Run(server.AnswerAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var port = new Uri(address).Port;
        server._app = app;
        server._host = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        server.Origin = "http://" + server._host;
        return server;
    }

    /// <summary>
    /// A capability for one print: its resources are <see cref="PictureGrant.Prefix"/> followed by the resource name.
    /// It ends, and every request under it is 404, when the grant is disposed.
    /// </summary>
    public PictureGrant Grant(
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        int maxConcurrentResources,
        CancellationToken cancellationToken)
    {
        var capability = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var grant = new PictureGrant(
            capability, $"{Origin}/{capability}/", resolveResource, maxConcurrentResources, g => _grants.TryRemove(g.Capability, out _), cancellationToken);
        _grants[capability] = grant;
        return grant;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (!HttpMethods.IsGet(context.Request.Method) || !string.Equals(context.Request.Headers.Host, _host, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (IsDocument(target, out var printed) && printed.TakeDocument() is { } html)
        {
            // The document itself, at the capability's own path: sent once, encoded as it is written.
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(html, context.RequestAborted);
            return;
        }

        if (!TryFind(target, out var grant, out var name)
            || !grant.Take(name))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await grant.AnswerAsync(name, context);
    }

    /// <summary>A request for a grant's document: its path is the capability alone (<c>/capability/</c>).</summary>
    private bool IsDocument(string target, out PictureGrant grant)
    {
        grant = null!;
        return target.Length > 2 && target[0] == '/' && target[^1] == '/'
            && _grants.TryGetValue(target[1..^1], out grant!);
    }

    /// <summary>The grant a request's path names (<c>/capability/exhibit/3</c>) and the resource name after it.</summary>
    private bool TryFind(string target, out PictureGrant grant, out string name)
    {
        grant = null!;
        name = "";
        var end = target.Length > 1 ? target.IndexOf('/', 1) : -1;
        return end > 1
            && _grants.TryGetValue(target[1..end], out grant!)
            && DocumentResources.TryGetResourceName(target, target[..(end + 1)], out name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var grant in _grants.Values)
        {
            grant.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
