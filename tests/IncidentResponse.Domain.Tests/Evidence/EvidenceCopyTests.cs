using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class EvidenceCopyTests
{
    private const int Chunk = EvidenceVault.DefaultChunkSize;

    private readonly EvidenceVault _vault = new();
    private readonly byte[] _caseKey = CaseKeys.Create();
    private readonly Guid _evidenceId = Guid.NewGuid();

    public static TheoryData<int> Sizes => new() { 0, 1, Chunk - 1, Chunk, Chunk + 1, (3 * Chunk) + 123 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_file_that_matches_its_record_is_copied_bit_for_bit(int size)
    {
        var plaintext = RandomBytes(size, seed: size);
        var (item, ciphertext) = await KeepAsync(plaintext);

        var copy = new MemoryStream();
        await using (var original = OpenRead(item, ciphertext))
        {
            await EvidenceCopy.CopyVerifiedAsync(original, copy, item, CancellationToken.None);
        }

        Assert.Equal(plaintext, copy.ToArray());
    }

    [Fact]
    public async Task A_copy_whose_SHA_256_is_not_the_recorded_one_is_refused()
    {
        var (item, ciphertext) = await KeepAsync(RandomBytes((2 * Chunk) + 5, seed: 1));
        item.Sha256[^1] ^= 0x01;

        await using var original = OpenRead(item, ciphertext);
        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => EvidenceCopy.CopyVerifiedAsync(original, new MemoryStream(), item, CancellationToken.None));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task A_copy_whose_length_is_not_the_recorded_one_is_refused(int difference)
    {
        var (item, ciphertext) = await KeepAsync(RandomBytes(Chunk + 5, seed: 2));
        item.Length += difference;

        await using var original = OpenRead(item, ciphertext);
        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => EvidenceCopy.CopyVerifiedAsync(original, new MemoryStream(), item, CancellationToken.None));
    }

    [Fact]
    public async Task A_damaged_chunk_stops_the_copy_before_any_of_it_is_written()
    {
        var plaintext = RandomBytes(3 * Chunk, seed: 3);
        var (item, ciphertext) = await KeepAsync(plaintext);
        ciphertext[^20] ^= 0x01;

        var copy = new MemoryStream();
        await using var original = OpenRead(item, ciphertext);
        await Assert.ThrowsAsync<EvidenceIntegrityException>(
            () => EvidenceCopy.CopyVerifiedAsync(original, copy, item, CancellationToken.None));

        // What was written before is the file's true start (the caller cuts it off); nothing of the damaged chunk.
        Assert.True(copy.Length < plaintext.Length);
        Assert.Equal(plaintext.AsSpan(0, (int)copy.Length).ToArray(), copy.ToArray());
    }

    private async Task<(EvidenceItem Item, byte[] Ciphertext)> KeepAsync(byte[] plaintext)
    {
        var ciphertext = new MemoryStream();
        var sealedEvidence = await _vault.SealAsync(new MemoryStream(plaintext), _caseKey, _evidenceId, ciphertext, long.MaxValue);
        var item = new EvidenceItem
        {
            Id = _evidenceId,
            Length = sealedEvidence.Length,
            Sha256 = sealedEvidence.Sha256,
            WrappedFileKey = sealedEvidence.WrappedFileKey,
        };
        return (item, ciphertext.ToArray());
    }

    private Stream OpenRead(EvidenceItem item, byte[] ciphertext) =>
        _vault.OpenRead(new MemoryStream(ciphertext), item.WrappedFileKey, _caseKey, item.Id);

    private static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
