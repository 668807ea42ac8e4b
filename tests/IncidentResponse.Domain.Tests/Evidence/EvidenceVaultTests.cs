using System.Buffers.Binary;
using System.Security.Cryptography;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class EvidenceVaultTests
{
    private const int Chunk = EvidenceVault.DefaultChunkSize;
    private const int HeaderSize = 16;
    private const int TagSize = 16;
    private const int RecordSize = Chunk + TagSize;

    private readonly EvidenceVault _vault = new();
    private readonly byte[] _caseKey = CaseKeys.Create();
    private readonly Guid _evidenceId = Guid.NewGuid();

    public static TheoryData<int> Sizes => new() { 0, 1, Chunk - 1, Chunk, Chunk + 1, 3 * Chunk, (5 * Chunk) + 123 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Sealing_then_opening_gives_back_the_exact_bytes(int size)
    {
        var plaintext = RandomBytes(size, seed: size);

        var (sealedEvidence, ciphertext) = await SealAsync(plaintext);
        var (opened, recovered) = await OpenAsync(ciphertext, sealedEvidence.WrappedFileKey);

        Assert.Equal(plaintext, recovered);
        Assert.Equal(size, sealedEvidence.Length);
        Assert.True(opened.Matches(sealedEvidence));
        Assert.Equal(_vault.SealedLength(size), ciphertext.Length);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_read_stream_gives_back_the_exact_bytes(int size)
    {
        var plaintext = RandomBytes(size, seed: size + 1);
        var (sealedEvidence, ciphertext) = await SealAsync(plaintext);

        await using var stream = _vault.OpenRead(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId);
        var recovered = new MemoryStream();
        var buffer = new byte[1000];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            recovered.Write(buffer, 0, read);
        }

        Assert.Equal(plaintext, recovered.ToArray());
        Assert.Equal(size, stream.Position);
    }

    [Fact]
    public async Task The_read_stream_also_reads_synchronously()
    {
        var plaintext = RandomBytes((2 * Chunk) + 17, seed: 3);
        var (sealedEvidence, ciphertext) = await SealAsync(plaintext);

        using var stream = _vault.OpenRead(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId);
        var recovered = new MemoryStream();
        stream.CopyTo(recovered, 4096);

        Assert.Equal(plaintext, recovered.ToArray());
    }

    [Fact]
    public async Task Sealing_reads_a_trickling_non_seekable_stream_and_opens_one_too()
    {
        var plaintext = RandomBytes((2 * Chunk) + 5, seed: 4);
        var ciphertext = new MemoryStream();

        var sealedEvidence = await _vault.SealAsync(new ForwardOnlyStream(plaintext, maxReadSize: 997), _caseKey, _evidenceId, ciphertext, long.MaxValue);
        var recovered = new MemoryStream();
        await _vault.OpenAsync(new ForwardOnlyStream(ciphertext.ToArray(), maxReadSize: 1013), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId, recovered);

        Assert.Equal(plaintext, recovered.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk + 1)]
    public async Task The_hash_is_the_SHA256_of_the_plaintext(int size)
    {
        var plaintext = RandomBytes(size, seed: 5);

        var (sealedEvidence, _) = await SealAsync(plaintext);

        Assert.Equal(SHA256.HashData(plaintext), sealedEvidence.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plaintext)), sealedEvidence.Sha256Hex);
    }

    [Fact]
    public async Task The_same_file_sealed_twice_gets_a_different_key_and_ciphertext()
    {
        var plaintext = RandomBytes(100, seed: 6);

        var (first, firstCiphertext) = await SealAsync(plaintext);
        var (second, secondCiphertext) = await SealAsync(plaintext);

        Assert.NotEqual(first.WrappedFileKey, second.WrappedFileKey);
        Assert.NotEqual(firstCiphertext, secondCiphertext);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task The_ciphertext_does_not_contain_the_plaintext()
    {
        var marker = "IDENTIFYING-MARKER-0123456789"u8.ToArray();
        var plaintext = Enumerable.Repeat(marker, 5000).SelectMany(b => b).ToArray();

        var (_, ciphertext) = await SealAsync(plaintext);

        Assert.Equal(-1, ciphertext.AsSpan().IndexOf(marker.AsSpan(0, 8)));
    }

    public static TheoryData<string> Tampering => new()
    {
        "header magic",
        "header version",
        "header reserved byte",
        "header chunk size",
        "header nonce prefix",
        "first chunk ciphertext",
        "middle chunk ciphertext",
        "middle chunk tag",
        "final chunk ciphertext",
        "final chunk tag",
        "truncate the final chunk by one byte",
        "truncate at a chunk boundary",
        "truncate inside the header",
        "empty file",
        "drop a middle chunk",
        "swap two chunks",
        "duplicate a chunk",
        "append a byte",
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Tampering_is_detected_when_opening(string tampering)
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes((3 * Chunk) + (Chunk / 2), seed: 7));
        var tampered = Tamper(ciphertext, tampering);
        Assert.NotEqual(ciphertext, tampered);

        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(tampered), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId, Stream.Null));
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Tampering_is_detected_when_reading_the_stream_to_its_end(string tampering)
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes((3 * Chunk) + (Chunk / 2), seed: 8));
        var tampered = Tamper(ciphertext, tampering);

        await using var stream = _vault.OpenRead(new MemoryStream(tampered), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId);

        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => stream.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task Chunks_before_a_tampered_one_are_released_and_nothing_after_it()
    {
        var plaintext = RandomBytes(3 * Chunk, seed: 9);
        var (sealedEvidence, ciphertext) = await SealAsync(plaintext);
        ciphertext[HeaderSize + RecordSize + 10] ^= 0x01;
        var written = new MemoryStream();

        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId, written));

        Assert.Equal(plaintext.AsSpan(0, Chunk).ToArray(), written.ToArray());
    }

    [Fact]
    public async Task After_a_failure_the_read_stream_releases_nothing_more()
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes(4 * Chunk, seed: 17));
        ciphertext[HeaderSize + RecordSize + 10] ^= 0x01;
        await using var stream = _vault.OpenRead(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId);
        var buffer = new byte[Chunk];
        Assert.Equal(Chunk, await stream.ReadAtLeastAsync(buffer, Chunk));

        await Assert.ThrowsAsync<EvidenceIntegrityException>(async () => await stream.ReadAtLeastAsync(buffer, 1));
        await Assert.ThrowsAsync<EvidenceIntegrityException>(async () => await stream.ReadAtLeastAsync(buffer, 1));
        Assert.Throws<EvidenceIntegrityException>(() => stream.ReadAtLeast(buffer, 1));
    }

    [Fact]
    public async Task A_different_case_key_cannot_open_the_file()
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes(1000, seed: 10));

        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, CaseKeys.Create(), _evidenceId, Stream.Null));
        Assert.Throws<EvidenceIntegrityException>(
            () => _vault.OpenRead(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, CaseKeys.Create(), _evidenceId));
    }

    [Fact]
    public async Task Another_files_key_cannot_open_the_file()
    {
        var (_, firstCiphertext) = await SealAsync(RandomBytes(1000, seed: 11));
        var (second, _) = await SealAsync(RandomBytes(1000, seed: 12));

        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(firstCiphertext), second.WrappedFileKey, _caseKey, _evidenceId, Stream.Null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(50)]
    public async Task A_tampered_wrapped_file_key_is_detected(int index)
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes(1000, seed: 13));
        var wrapped = sealedEvidence.WrappedFileKey.ToArray();
        wrapped[index] ^= 0x01;

        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(ciphertext), wrapped, _caseKey, _evidenceId, Stream.Null));
    }

    [Fact]
    public async Task A_wrapped_file_key_is_not_accepted_as_a_wrapped_case_key_or_the_reverse()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes(10, seed: 14));

        // Even with the owner ids lined up, the purpose byte keeps them apart.
        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(sealedEvidence.WrappedFileKey, _caseKey, _evidenceId));
        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(ciphertext), CaseKeys.Wrap(_caseKey, master, _evidenceId), master, _evidenceId, Stream.Null));
    }

    [Fact]
    public async Task A_wrapped_file_key_opens_for_its_own_evidence_item_only()
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes(1000, seed: 18));

        // A row whose wrapped key was copied from another item (same case key) does not open.
        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, Guid.NewGuid(), Stream.Null));
        Assert.Throws<EvidenceIntegrityException>(
            () => _vault.OpenRead(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, Guid.NewGuid()));
        await _vault.OpenAsync(new MemoryStream(ciphertext), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId, Stream.Null);
    }

    [Fact]
    public async Task A_version_1_file_key_wrap_is_refused_until_it_is_rewrapped_bound_to_its_item()
    {
        var (sealedEvidence, ciphertext) = await SealAsync(RandomBytes(1000, seed: 19));
        var fileKey = new byte[32];
        using (var aes = new AesGcm(_caseKey, 16))
        {
            var wrapped = sealedEvidence.WrappedFileKey;
            aes.Decrypt(wrapped.AsSpan(2, 12), wrapped.AsSpan(14, 32), wrapped.AsSpan(46, 16), fileKey, DocumentedAssociatedData(2, _evidenceId));
        }

        var legacy = LegacyWrap(purpose: 2, fileKey, _caseKey);

        Assert.False(EvidenceVault.IsCurrentWrap(legacy));
        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => _vault.OpenAsync(new MemoryStream(ciphertext), legacy, _caseKey, _evidenceId, Stream.Null));
        var rewrapped = EvidenceVault.RewrapLegacyFileKey(legacy, _caseKey, _evidenceId);
        Assert.True(EvidenceVault.IsCurrentWrap(rewrapped));
        var (_, recovered) = await OpenAsync(ciphertext, rewrapped);
        Assert.Equal(RandomBytes(1000, seed: 19), recovered);
    }

    [Fact]
    public async Task Exactly_the_limit_is_allowed()
    {
        var sealedEvidence = await _vault.SealAsync(new GeneratedStream(Chunk), _caseKey, _evidenceId, Stream.Null, maxBytes: Chunk);

        Assert.Equal(Chunk, sealedEvidence.Length);
    }

    [Theory]
    [InlineData(10, 9)]
    [InlineData(Chunk + 1, Chunk)]
    [InlineData(1, 0)]
    public async Task One_byte_over_the_limit_throws_the_specific_exception(int size, long maxBytes)
    {
        var exception = await Assert.ThrowsAsync<EvidenceTooLargeException>(
            () => _vault.SealAsync(new GeneratedStream(size), _caseKey, _evidenceId, new MemoryStream(), maxBytes));

        Assert.Equal(maxBytes, exception.MaxBytes);
    }

    [Fact]
    public async Task An_oversized_upload_is_read_no_further_than_about_the_limit()
    {
        var source = new GeneratedStream(100L * 1024 * 1024);

        await Assert.ThrowsAsync<EvidenceTooLargeException>(
            () => _vault.SealAsync(source, _caseKey, _evidenceId, Stream.Null, maxBytes: 1024 * 1024));

        Assert.InRange(source.Consumed, (1024 * 1024) + 1, (1024 * 1024) + Chunk + 1);
    }

    [Fact]
    public async Task Sealing_20_MB_allocates_a_bounded_amount_not_the_file_size()
    {
        const long size = 20L * 1024 * 1024;
        await _vault.SealAsync(new GeneratedStream(2 * Chunk), _caseKey, _evidenceId, new CountingSink(), long.MaxValue);
        var sink = new CountingSink();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sealing = _vault.SealAsync(new GeneratedStream(size, maxReadSize: 8192), _caseKey, _evidenceId, sink, size);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The streams complete synchronously, so the whole seal ran on this thread and the count covers all of it.
        Assert.True(sealing.IsCompletedSuccessfully);
        Assert.Equal(size, (await sealing).Length);
        Assert.Equal(_vault.SealedLength(size), sink.Written);
        Assert.InRange(allocated, 0, 1024 * 1024);
    }

    [Fact]
    public async Task Opening_20_MB_allocates_a_bounded_amount_not_the_file_size()
    {
        const int size = 20 * 1024 * 1024;
        var ciphertext = new MemoryStream();
        var sealedEvidence = await _vault.SealAsync(new GeneratedStream(size), _caseKey, _evidenceId, ciphertext, size);
        var sealedBytes = ciphertext.ToArray();
        await _vault.OpenAsync(new MemoryStream(sealedBytes), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId, new CountingSink());
        var sink = new CountingSink();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var opening = _vault.OpenAsync(new MemoryStream(sealedBytes), sealedEvidence.WrappedFileKey, _caseKey, _evidenceId, sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(opening.IsCompletedSuccessfully);
        Assert.True((await opening).Matches(sealedEvidence));
        Assert.Equal(size, sink.Written);
        Assert.InRange(allocated, 0, 1024 * 1024);
    }

    [Fact]
    public async Task Destroying_the_case_key_leaves_its_files_unreadable()
    {
        var masterKey = RandomNumberGenerator.GetBytes(32);
        var caseKey = CaseKeys.Create();
        var caseId = Guid.NewGuid();
        var wrappedCaseKey = CaseKeys.Wrap(caseKey, masterKey, caseId);
        var otherCaseKey = CaseKeys.Create();
        var plaintext = RandomBytes(5000, seed: 15);
        var ciphertext = new MemoryStream();
        var sealedEvidence = await _vault.SealAsync(new MemoryStream(plaintext), caseKey, _evidenceId, ciphertext, long.MaxValue);

        // While the wrapped case key exists, master key -> case key -> file key opens the file.
        var unwrapped = CaseKeys.Unwrap(wrappedCaseKey, masterKey, caseId);
        var recovered = new MemoryStream();
        await _vault.OpenAsync(new MemoryStream(ciphertext.ToArray()), sealedEvidence.WrappedFileKey, unwrapped, _evidenceId, recovered);
        Assert.Equal(plaintext, recovered.ToArray());

        // Crypto-shredding: the stored wrapped case key is deleted and every copy in memory zeroed.
        CaseKeys.Destroy(caseKey);
        CaseKeys.Destroy(unwrapped);
        Assert.All(caseKey, b => Assert.Equal(0, b));

        // What survives (ciphertext, wrapped file key, the master key, other cases' keys) does not open it.
        foreach (var candidate in new[] { masterKey, otherCaseKey, caseKey, unwrapped })
        {
            await Assert.ThrowsAsync<EvidenceIntegrityException>(
                () => _vault.OpenAsync(new MemoryStream(ciphertext.ToArray()), sealedEvidence.WrappedFileKey, candidate, _evidenceId, Stream.Null));
        }
    }

    [Fact]
    public async Task The_sealed_file_follows_the_documented_format()
    {
        // An independent reading of FORMAT.md: unwrap the file key and decrypt both chunks by hand.
        var vault = new EvidenceVault(chunkSize: 1024);
        var plaintext = RandomBytes(1500, seed: 16);
        var ciphertext = new MemoryStream();
        var sealedEvidence = await vault.SealAsync(new MemoryStream(plaintext), _caseKey, _evidenceId, ciphertext, long.MaxValue);
        var file = ciphertext.ToArray();

        var wrapped = sealedEvidence.WrappedFileKey;
        Assert.Equal(62, wrapped.Length);
        Assert.Equal(2, wrapped[0]);
        Assert.Equal(2, wrapped[1]);
        var fileKey = new byte[32];
        using (var wrap = new AesGcm(_caseKey, 16))
        {
            wrap.Decrypt(wrapped.AsSpan(2, 12), wrapped.AsSpan(14, 32), wrapped.AsSpan(46, 16), fileKey, DocumentedAssociatedData(2, _evidenceId));
        }

        var header = file.AsSpan(0, 16);
        Assert.Equal("IREV"u8.ToArray(), header[..4].ToArray());
        Assert.Equal(new byte[] { 1, 0, 0, 0 }, header[4..8].ToArray());
        Assert.Equal(1024u, BinaryPrimitives.ReadUInt32BigEndian(header[8..12]));
        Assert.Equal(16 + 1024 + 16 + 476 + 16, file.Length);

        using var aes = new AesGcm(fileKey, 16);
        var recovered = new byte[1500];
        DecryptChunk(aes, file, header, index: 0, isFinal: false, offset: 16, length: 1024, recovered.AsSpan(0, 1024));
        DecryptChunk(aes, file, header, index: 1, isFinal: true, offset: 16 + 1040, length: 476, recovered.AsSpan(1024));
        Assert.Equal(plaintext, recovered);
    }

    [Fact]
    public async Task Chunk_size_limit_and_key_length_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceVault(chunkSize: 1023));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceVault(chunkSize: (1024 * 1024) + 1));
        await Assert.ThrowsAsync<ArgumentException>(() => _vault.SealAsync(new MemoryStream(), new byte[16], _evidenceId, Stream.Null, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _vault.SealAsync(new MemoryStream(), _caseKey, _evidenceId, Stream.Null, -1));
    }

    private static void DecryptChunk(
        AesGcm aes, byte[] file, ReadOnlySpan<byte> header, long index, bool isFinal, int offset, int length, Span<byte> plaintext)
    {
        var nonce = new byte[12];
        header.Slice(12, 4).CopyTo(nonce);
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), index);
        var associatedData = new byte[16 + 8 + 1];
        header.CopyTo(associatedData);
        BinaryPrimitives.WriteInt64BigEndian(associatedData.AsSpan(16), index);
        associatedData[24] = isFinal ? (byte)1 : (byte)0;
        aes.Decrypt(nonce, file.AsSpan(offset, length), file.AsSpan(offset + length, 16), plaintext, associatedData);
    }

    private static byte[] Tamper(byte[] sealedFile, string tampering)
    {
        var file = sealedFile.ToArray();
        var finalRecordStart = HeaderSize + (3 * RecordSize);
        switch (tampering)
        {
            case "header magic": file[0] ^= 0x01; return file;
            case "header version": file[4] ^= 0x01; return file;
            case "header reserved byte": file[6] ^= 0x01; return file;
            case "header chunk size": file[10] ^= 0xFF; return file;
            case "header nonce prefix": file[13] ^= 0x01; return file;
            case "first chunk ciphertext": file[HeaderSize + 5] ^= 0x01; return file;
            case "middle chunk ciphertext": file[HeaderSize + RecordSize + (Chunk / 2)] ^= 0x01; return file;
            case "middle chunk tag": file[HeaderSize + RecordSize + Chunk + 3] ^= 0x01; return file;
            case "final chunk ciphertext": file[finalRecordStart + 1] ^= 0x01; return file;
            case "final chunk tag": file[^1] ^= 0x01; return file;
            case "truncate the final chunk by one byte": return file[..^1];
            case "truncate at a chunk boundary": return file[..finalRecordStart];
            case "truncate inside the header": return file[..10];
            case "empty file": return [];
            case "drop a middle chunk": return [.. file[..(HeaderSize + RecordSize)], .. file[(HeaderSize + (2 * RecordSize))..]];
            case "swap two chunks":
                return [.. file[..HeaderSize], .. Record(file, 1), .. Record(file, 0), .. file[(HeaderSize + (2 * RecordSize))..]];
            case "duplicate a chunk":
                return [.. file[..(HeaderSize + (2 * RecordSize))], .. Record(file, 1), .. file[(HeaderSize + (2 * RecordSize))..]];
            case "append a byte": return [.. file, 0];
            default: throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null);
        }
    }

    private static byte[] Record(byte[] file, int index) => file[(HeaderSize + (index * RecordSize))..(HeaderSize + ((index + 1) * RecordSize))];

    /// <summary>FORMAT.md: version 2, purpose, then the owner's id in RFC 4122 (big-endian) order.</summary>
    internal static byte[] DocumentedAssociatedData(byte purpose, Guid owner)
    {
        var associatedData = new byte[18];
        associatedData[0] = 2;
        associatedData[1] = purpose;
        Convert.FromHexString(owner.ToString("N")).CopyTo(associatedData, 2);
        return associatedData;
    }

    /// <summary>A version 1 wrap, as written before keys were bound to their owner (FORMAT.md's old layout).</summary>
    internal static byte[] LegacyWrap(byte purpose, byte[] key, byte[] wrappingKey)
    {
        var wrapped = new byte[62];
        wrapped[0] = 1;
        wrapped[1] = purpose;
        RandomNumberGenerator.Fill(wrapped.AsSpan(2, 12));
        using var aes = new AesGcm(wrappingKey, 16);
        aes.Encrypt(wrapped.AsSpan(2, 12), key, wrapped.AsSpan(14, 32), wrapped.AsSpan(46, 16), wrapped.AsSpan(0, 2));
        return wrapped;
    }

    private static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private async Task<(SealedEvidence Sealed, byte[] Ciphertext)> SealAsync(byte[] plaintext)
    {
        var ciphertext = new MemoryStream();
        var sealedEvidence = await _vault.SealAsync(new MemoryStream(plaintext), _caseKey, _evidenceId, ciphertext, long.MaxValue);
        return (sealedEvidence, ciphertext.ToArray());
    }

    private async Task<(OpenedEvidence Opened, byte[] Plaintext)> OpenAsync(byte[] ciphertext, byte[] wrappedFileKey)
    {
        var plaintext = new MemoryStream();
        var opened = await _vault.OpenAsync(new MemoryStream(ciphertext), wrappedFileKey, _caseKey, _evidenceId, plaintext);
        return (opened, plaintext.ToArray());
    }
}
