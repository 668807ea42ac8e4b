namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Reads from <paramref name="inner"/> until <paramref name="failAfter"/> bytes have gone, then calls
/// <paramref name="onFail"/> and throws: a client that gives up mid-upload.
/// </summary>
public sealed class FailingStream(Stream inner, long failAfter, Action onFail) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_read >= failAfter)
        {
            onFail();
            throw new IOException("The connection was lost (simulated).");
        }

        var read = inner.Read(buffer, offset, (int)Math.Min(count, failAfter - _read));
        _read += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
