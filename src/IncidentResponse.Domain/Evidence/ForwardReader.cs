namespace IncidentResponse.Domain.Evidence;

/// <summary>Buffered forward-only reading for the byte-level image parsers; running out of input is "malformed".</summary>
internal sealed class ForwardReader
{
    private readonly Stream _source;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public ForwardReader(Stream source)
    {
        _source = source;
    }

    /// <summary>The unread bytes in the buffer, refilled when empty; empty only at the end of the input.</summary>
    public ReadOnlySpan<byte> Available => Fill() ? _buffer.AsSpan(_start, _end - _start) : [];

    public void Advance(int count) => _start += count;

    /// <summary>The next byte, or -1 at the end of the input.</summary>
    public int ReadByte() => Fill() ? _buffer[_start++] : -1;

    public byte ReadRequiredByte()
    {
        var value = ReadByte();
        return value < 0 ? throw Truncated() : (byte)value;
    }

    public void ReadExactly(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var available = Available;
            if (available.IsEmpty)
            {
                throw Truncated();
            }

            var count = Math.Min(available.Length, destination.Length);
            available[..count].CopyTo(destination);
            Advance(count);
            destination = destination[count..];
        }
    }

    /// <summary>Copies exactly <paramref name="count"/> bytes to <paramref name="destination"/>, or skips them when it is null.</summary>
    public void Copy(long count, Stream? destination)
    {
        while (count > 0)
        {
            var available = Available;
            if (available.IsEmpty)
            {
                throw Truncated();
            }

            var take = (int)Math.Min(available.Length, count);
            destination?.Write(available[..take]);
            Advance(take);
            count -= take;
        }
    }

    /// <summary>Reads to the end of the input and returns how many bytes were left.</summary>
    public long SkipToEnd()
    {
        long skipped = 0;
        for (var available = Available; !available.IsEmpty; available = Available)
        {
            skipped += available.Length;
            Advance(available.Length);
        }

        return skipped;
    }

    public static MalformedImageException Truncated() => new("The file ends in the middle of its structure.");

    private bool Fill()
    {
        if (_start < _end)
        {
            return true;
        }

        _start = 0;
        _end = _source.Read(_buffer);
        return _end > 0;
    }
}

/// <summary>Raised inside the byte-level parsers and turned into a failure result at their edge.</summary>
internal sealed class MalformedImageException : Exception
{
    public MalformedImageException()
    {
    }

    public MalformedImageException(string message)
        : base(message)
    {
    }

    public MalformedImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
