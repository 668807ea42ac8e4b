using System.Security.Cryptography;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class CaseKeysTests
{
    private readonly byte[] _masterKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_case_key_wrapped_by_the_master_key_unwraps_to_itself()
    {
        var caseKey = CaseKeys.Create();

        var wrapped = CaseKeys.Wrap(caseKey, _masterKey);

        Assert.Equal(CaseKeys.WrappedSize, wrapped.Length);
        Assert.Equal(caseKey, CaseKeys.Unwrap(wrapped, _masterKey));
        Assert.Equal(-1, wrapped.AsSpan().IndexOf(caseKey.AsSpan(0, 8)));
    }

    [Fact]
    public void New_case_keys_are_32_random_bytes()
    {
        var first = CaseKeys.Create();
        var second = CaseKeys.Create();

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Wrapping_the_same_key_twice_uses_a_fresh_nonce()
    {
        var caseKey = CaseKeys.Create();

        Assert.NotEqual(CaseKeys.Wrap(caseKey, _masterKey), CaseKeys.Wrap(caseKey, _masterKey));
    }

    [Fact]
    public void A_different_master_key_cannot_unwrap()
    {
        var wrapped = CaseKeys.Wrap(CaseKeys.Create(), _masterKey);

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped, RandomNumberGenerator.GetBytes(32)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(45)]
    [InlineData(46)]
    [InlineData(61)]
    public void Changing_any_part_of_a_wrapped_key_is_detected(int index)
    {
        var wrapped = CaseKeys.Wrap(CaseKeys.Create(), _masterKey);
        wrapped[index] ^= 0x01;

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped, _masterKey));
    }

    [Fact]
    public void A_truncated_wrapped_key_is_refused()
    {
        var wrapped = CaseKeys.Wrap(CaseKeys.Create(), _masterKey);

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped.AsSpan(0, 61), _masterKey));
    }

    [Fact]
    public void Keys_must_be_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => CaseKeys.Wrap(new byte[16], _masterKey));
        Assert.Throws<ArgumentException>(() => CaseKeys.Wrap(CaseKeys.Create(), new byte[31]));
        Assert.Throws<ArgumentException>(() => CaseKeys.Unwrap(new byte[CaseKeys.WrappedSize], new byte[33]));
    }

    [Fact]
    public void Destroy_zeroes_the_key_in_memory()
    {
        var caseKey = CaseKeys.Create();

        CaseKeys.Destroy(caseKey);

        Assert.Equal(new byte[32], caseKey);
    }
}
