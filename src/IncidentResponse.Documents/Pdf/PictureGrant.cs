using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// One print's capability on the <see cref="PictureServer"/>: which names it has answered, what failed, and how many
/// pictures are in flight at once. Disposing it ends the capability and cancels any picture still being read.
/// </summary>
internal sealed class PictureGrant : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _taken = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _served = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> _resolve;
    private readonly SemaphoreSlim _answering;
    private readonly CancellationTokenSource _ended;
    private readonly CancellationToken _token;
    private readonly Action<PictureGrant> _remove;
    private int _disposed;
    private string? _document;

    internal PictureGrant(
        string capability,
        string prefix,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolve,
        int maxConcurrentResources,
        Action<PictureGrant> remove,
        CancellationToken cancellationToken)
    {
        Capability = capability;
        Prefix = prefix;
        _resolve = resolve;
        _answering = new SemaphoreSlim(maxConcurrentResources, maxConcurrentResources);
        _ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _token = _ended.Token;
        _remove = remove;
    }

    public string Capability { get; }

    /// <summary>The address a resource name is appended to: <c>http://127.0.0.1:port/capability/</c>.</summary>
    public string Prefix { get; }

    /// <summary>Names asked for under this capability, each once, in the order asked.</summary>
    public IReadOnlyList<string> Served => [.. _served];

    /// <summary>The first exception the callback threw, if any: the print fails with it rather than print without the picture.</summary>
    public Exception? FirstFailure => _failures.TryPeek(out var failure) ? failure : null;

    /// <summary>
    /// The document's HTML, answered once at <see cref="Prefix"/> itself (<see cref="TakeDocument"/>) and then dropped:
    /// Chromium loads it by navigation, so it never travels inside a Playwright message.
    /// </summary>
    public string? Document
    {
        get => Volatile.Read(ref _document);
        set => Volatile.Write(ref _document, value);
    }

    /// <summary>The document the first time it is asked for, null ever after (and after the grant has ended).</summary>
    public string? TakeDocument() => Volatile.Read(ref _disposed) == 1 ? null : Interlocked.Exchange(ref _document, null);

    /// <summary>True the first time a name is asked for, false ever after: each picture is handed over once.</summary>
    public bool Take(string name)
    {
        if (!_taken.TryAdd(name, true))
        {
            return false;
        }

        _served.Enqueue(name);
        return true;
    }

    /// <summary>
    /// Answers one resource, a few at a time (<see cref="ChromiumPdfPrinterOptions.MaxConcurrentResources"/>): from the
    /// callback's bytes straight into the response, or 404 when it has none. A callback that throws fails the print; the
    /// connection is dropped so the page stops waiting for the picture.
    /// </summary>
    public async Task AnswerAsync(string name, HttpContext context)
    {
        try
        {
            await _answering.WaitAsync(_token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        try
        {
            (byte[] Bytes, string ContentType)? found;
            try
            {
                found = await _resolve(name, _token);
            }
            catch (Exception exception)
            {
                if (!_token.IsCancellationRequested)
                {
                    _failures.Enqueue(exception);
                }

                context.Abort();
                return;
            }

            await WriteAsync(found, context);
        }
        finally
        {
            _answering.Release();
        }
    }

    private static async Task WriteAsync((byte[] Bytes, string ContentType)? found, HttpContext context)
    {
        var response = context.Response;
        if (found is not { } picture)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = picture.ContentType;
        response.ContentLength = picture.Bytes.Length;
        try
        {
            await response.Body.WriteAsync(picture.Bytes, context.RequestAborted);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The page went away (the print ended or was cancelled); nothing is left to answer.
        }
    }

    /// <summary>Ends the capability: removed from the server, and a picture still being read is cancelled.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _remove(this);
        _ended.Cancel();
        _ended.Dispose();
    }
}
