using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Pdf;

namespace IncidentResponse.Documents.Tests;

/// <summary>
/// The printer's loopback picture server (ADR 0023): a print's pictures are served under its own capability, each
/// once, only while it runs, and to nothing but a GET for that very address.
/// </summary>
[Trait("Category", "Chromium")]
[Collection(SharedPrinter.Name)]
public sealed class PictureServerTests(PrinterFixture fixture) : IDisposable
{
    private static readonly byte[] FirstPicture = TestImages.SolidPng(40, 30, 200, 40, 40);
    private static readonly byte[] SecondPicture = TestImages.SolidPng(30, 40, 40, 40, 200);
    private static readonly byte[] SparePicture = TestImages.SolidPng(10, 10, 40, 200, 40);

    private readonly ChromiumPdfPrinter _printer = fixture.Printer;
    private readonly DocumentHtmlRenderer _renderer = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly ConcurrentQueue<string> _asked = new();

    [Fact]
    public async Task A_print_serves_each_picture_once_under_its_own_capability_and_nothing_else()
    {
        var document = SampleDocuments.Binder();
        string? prefix = null;
        var secondAskWhileServing = HttpStatusCode.OK;
        var documentAskedAgain = HttpStatusCode.OK;
        async Task<(byte[] Bytes, string ContentType)?> ResolveAsync(string name, CancellationToken cancellationToken)
        {
            if (name == "exhibit/1")
            {
                // The page's own request for it is being answered: a second request for the same name is refused.
                secondAskWhileServing = (await _http.GetAsync(prefix + name, cancellationToken)).StatusCode;

                // The page has loaded its document from the capability's own address, once: not again, to anyone.
                documentAskedAgain = (await _http.GetAsync(prefix, cancellationToken)).StatusCode;
            }

            return await PicturesAsync(name, cancellationToken);
        }

        async Task<string> RenderAsync(string given, CancellationToken cancellationToken)
        {
            prefix = given;
            await WhileThePrintRunsAsync(given, cancellationToken);
            return await _renderer.RenderAsync(document, new HtmlViewOptions { ResourcePrefix = given }, cancellationToken);
        }

        using var destination = new MemoryStream();
        var report = await _printer.PrintAsync(RenderAsync, ResolveAsync, destination, PdfOptions.For(document));

        var pdf = PdfTools.Read(destination.ToArray());
        Assert.Contains(new PdfImage(40, 30, IsMask: false), pdf.Images);
        Assert.Contains(new PdfImage(30, 40, IsMask: false), pdf.Images);
        Assert.Equal(HttpStatusCode.NotFound, secondAskWhileServing);
        Assert.Equal(HttpStatusCode.NotFound, documentAskedAgain);
        Assert.Equal(["exhibit/1", "exhibit/2", "spare/1"], _asked.Order());
        Assert.Equal(["exhibit/1", "exhibit/2", "spare/1"], report.ServedResources.Order());
        Assert.Empty(report.BlockedRequests);

        // The print is over: its capability with it, for a name never asked for too.
        Assert.StartsWith("http://127.0.0.1:", prefix, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(prefix + "spare/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(prefix)).StatusCode);
        Assert.Equal(0, _printer.OpenPictureGrants);
    }

    [Fact]
    public async Task A_failed_print_ends_its_capability()
    {
        string? prefix = null;
        using var destination = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _printer.PrintAsync(
            (given, ct) => _renderer.RenderAsync(SampleDocuments.Binder(), new HtmlViewOptions { ResourcePrefix = prefix = given }, ct),
            (name, ct) => name == "exhibit/1" ? throw new IOException("The vault could not decrypt the picture.") : PicturesAsync(name, ct),
            destination,
            PdfOptions.For(SampleDocuments.Binder())));

        Assert.Equal(0, destination.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(prefix + "spare/1")).StatusCode);
        Assert.DoesNotContain("spare/1", _asked);
        Assert.Equal(0, _printer.OpenPictureGrants);
    }

    [Fact]
    public async Task A_cancelled_print_ends_its_capability()
    {
        string? prefix = null;
        using var cancel = new CancellationTokenSource();
        using var destination = new MemoryStream();
        async Task<(byte[] Bytes, string ContentType)?> ResolveAsync(string name, CancellationToken cancellationToken)
        {
            // The person cancels while a picture is being read; the read is cancelled with the print.
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _printer.PrintAsync(
            (given, ct) => _renderer.RenderAsync(SampleDocuments.Binder(), new HtmlViewOptions { ResourcePrefix = prefix = given }, ct),
            ResolveAsync,
            destination,
            PdfOptions.For(SampleDocuments.Binder()),
            cancel.Token));

        Assert.Equal(0, destination.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(prefix + "spare/1")).StatusCode);
        Assert.Equal(0, _printer.OpenPictureGrants);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// What anyone on the machine could try while a print runs: a name once (200, no-store) then again (404), the same
    /// name or the document under a capability one digit off or made up, under another name for the host, or with
    /// another method.
    /// </summary>
    private async Task WhileThePrintRunsAsync(string prefix, CancellationToken cancellationToken)
    {
        var first = await _http.GetAsync(prefix + "spare/1", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(SparePicture, await first.Content.ReadAsByteArrayAsync(cancellationToken));
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(prefix + "spare/1", cancellationToken)).StatusCode);

        var address = new Uri(prefix);
        var capability = address.AbsolutePath.Trim('/');
        var oneOff = capability[..^1] + (capability[^1] == '0' ? '1' : '0');
        var madeUp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        foreach (var other in new[] { oneOff, madeUp })
        {
            var response = await _http.GetAsync($"http://127.0.0.1:{address.Port}/{other}/spare/2", cancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var document = await _http.GetAsync($"http://127.0.0.1:{address.Port}/{other}/", cancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        }

        using var otherHost = new HttpRequestMessage(HttpMethod.Get, prefix + "spare/2");
        otherHost.Headers.Host = $"localhost:{address.Port}";
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(otherHost, cancellationToken)).StatusCode);
        using var post = new HttpRequestMessage(HttpMethod.Post, prefix + "spare/2");
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(post, cancellationToken)).StatusCode);
        Assert.Equal(1, _printer.OpenPictureGrants);
    }

    private Task<(byte[] Bytes, string ContentType)?> PicturesAsync(string name, CancellationToken cancellationToken)
    {
        _asked.Enqueue(name);
        (byte[] Bytes, string ContentType)? picture = name switch
        {
            "exhibit/1" => (FirstPicture, "image/png"),
            "exhibit/2" => (SecondPicture, "image/png"),
            "spare/1" or "spare/2" => (SparePicture, "image/png"),
            _ => null,
        };
        return Task.FromResult(picture);
    }
}
