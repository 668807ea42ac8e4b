namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// Lets <see cref="System.IO.Compression.ZipArchive"/> write to a response body that allows asynchronous writes only
/// (Kestrel's default). Even with its async API, disposing an entry ends its deflate stream with a synchronous write
/// of the last few compressed bytes; those small synchronous writes are held here and sent with the next
/// asynchronous write or flush. Everything large (file contents) arrives through <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>
/// and passes straight through, so nothing is buffered whole.
/// </summary>
internal sealed class AsyncOnlyWriteStream(Stream inner) : Stream
{
    private readonly MemoryStream _held = new();
    private long _position;

    /// <summary>The most bytes ever held at once, for tests and measurements.</summary>
    public long MostHeld { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _held.Write(buffer);
        _position += buffer.Length;
        MostHeld = Math.Max(MostHeld, _held.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        _position += buffer.Length;
        await inner.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>A synchronous flush cannot reach the response; what is held goes with the next asynchronous write.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SendHeldAsync(CancellationToken cancellationToken)
    {
        if (_held.Length == 0)
        {
            return;
        }

        await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        _held.SetLength(0);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held.Dispose();
        }

        base.Dispose(disposing);
    }
}
