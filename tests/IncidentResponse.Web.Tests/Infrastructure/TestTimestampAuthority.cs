using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// A time-stamping authority on loopback (RFC 3161 over HTTP), for the tests of ADR 0033: .NET makes its root and its
/// signing certificate (extended key usage time-stamping, critical, as RFC 3161 requires), BouncyCastle answers the
/// requests. <see cref="Down"/> makes it answer 503, to show a binder is made all the same.
/// </summary>
public sealed class TestTimestampAuthority : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly TimeStampResponseGenerator _responses;
    private int _requests;
    private long _serial;

    private TestTimestampAuthority(WebApplication server, TimeStampResponseGenerator responses, X509Certificate2 root)
    {
        (_server, _responses, Root) = (server, responses, root);
        server.MapPost("/", AnswerAsync);
    }

    /// <summary>The authority's root certificate: what a reader gets from the authority to check a token.</summary>
    public X509Certificate2 Root { get; }

    public string RootPem => Root.ExportCertificatePem();

    public Uri Url { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>When true, every request is answered 503, as an authority that is down.</summary>
    public bool Down { get; set; }

    public static async Task<TestTimestampAuthority> StartAsync(string name = "Test Time-Stamping Authority")
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest($"CN={name} Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        using var signingKey = RSA.Create(2048);
        var signingRequest = new CertificateRequest($"CN={name}", signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signingRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        signingRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        signingRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true));
        using var signing = signingRequest.Create(root, now.AddDays(-1), now.AddYears(5), RandomNumberGenerator.GetBytes(8));

        var certificate = DotNetUtilities.FromX509Certificate(signing);
        var tokens = new TimeStampTokenGenerator(DotNetUtilities.GetRsaKeyPair(signingKey).Private, certificate, TspAlgorithms.Sha256, "1.3.6.1.4.1.99999.1");
        tokens.SetCertificates(CollectionUtilities.CreateStore([certificate]));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var authority = new TestTimestampAuthority(builder.Build(), new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed), root);
        await authority._server.StartAsync();
        var address = authority._server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        authority.Url = new Uri(address + "/");
        return authority;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (Down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = new TimeStampRequest(body.ToArray());
        TimeStampResponse response;
        lock (_responses)
        {
            response = _responses.Generate(request, BigInteger.ValueOf(Interlocked.Increment(ref _serial)), DateTime.UtcNow);
        }

        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(response.GetEncoded());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        Root.Dispose();
    }
}
