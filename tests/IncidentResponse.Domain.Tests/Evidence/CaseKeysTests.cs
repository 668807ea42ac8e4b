using System.Security.Cryptography;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class CaseKeysTests
{
    private readonly byte[] _masterKey = RandomNumberGenerator.GetBytes(32);
    private readonly Guid _caseId = Guid.NewGuid();

    [Fact]
    public void A_case_key_wrapped_by_the_master_key_unwraps_to_itself()
    {
        var caseKey = CaseKeys.Create();

        var wrapped = CaseKeys.Wrap(caseKey, _masterKey, _caseId);

        Assert.Equal(CaseKeys.WrappedSize, wrapped.Length);
        Assert.Equal(caseKey, CaseKeys.Unwrap(wrapped, _masterKey, _caseId));
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

        Assert.NotEqual(CaseKeys.Wrap(caseKey, _masterKey, _caseId), CaseKeys.Wrap(caseKey, _masterKey, _caseId));
    }

    [Fact]
    public void A_different_master_key_cannot_unwrap()
    {
        var wrapped = CaseKeys.Wrap(CaseKeys.Create(), _masterKey, _caseId);

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped, RandomNumberGenerator.GetBytes(32), _caseId));
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
        var wrapped = CaseKeys.Wrap(CaseKeys.Create(), _masterKey, _caseId);
        wrapped[index] ^= 0x01;

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped, _masterKey, _caseId));
    }

    [Fact]
    public void A_truncated_wrapped_key_is_refused()
    {
        var wrapped = CaseKeys.Wrap(CaseKeys.Create(), _masterKey, _caseId);

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped.AsSpan(0, 61), _masterKey, _caseId));
    }

    [Fact]
    public void Keys_must_be_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => CaseKeys.Wrap(new byte[16], _masterKey, _caseId));
        Assert.Throws<ArgumentException>(() => CaseKeys.Wrap(CaseKeys.Create(), new byte[31], _caseId));
        Assert.Throws<ArgumentException>(() => CaseKeys.Unwrap(new byte[CaseKeys.WrappedSize], new byte[33], _caseId));
    }

    [Fact]
    public void A_case_key_copied_onto_another_case_does_not_unwrap()
    {
        var caseKey = CaseKeys.Create();
        var wrapped = CaseKeys.Wrap(caseKey, _masterKey, _caseId);

        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped, _masterKey, Guid.NewGuid()));
        Assert.Equal(caseKey, CaseKeys.Unwrap(wrapped, _masterKey, _caseId));
    }

    [Fact]
    public void The_wrap_binds_the_documented_associated_data()
    {
        var caseKey = CaseKeys.Create();
        var wrapped = CaseKeys.Wrap(caseKey, _masterKey, _caseId);
        var opened = new byte[32];

        Assert.Equal(2, wrapped[0]);
        Assert.Equal(1, wrapped[1]);
        using var aes = new AesGcm(_masterKey, 16);
        aes.Decrypt(wrapped.AsSpan(2, 12), wrapped.AsSpan(14, 32), wrapped.AsSpan(46, 16), opened, EvidenceVaultTests.DocumentedAssociatedData(1, _caseId));
        Assert.Equal(caseKey, opened);
    }

    [Fact]
    public void A_version_1_wrap_is_refused_until_the_upgrade_rewraps_it_under_the_derived_key_bound_to_its_case()
    {
        var caseKey = CaseKeys.Create();
        var wrappingKey = RandomNumberGenerator.GetBytes(32);
        var legacy = EvidenceVaultTests.LegacyWrap(purpose: 1, caseKey, _masterKey);

        Assert.False(CaseKeys.IsCurrent(legacy));
        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(legacy, _masterKey, _caseId));
        var rewrapped = CaseKeys.RewrapLegacy(legacy, _masterKey, wrappingKey, _caseId);

        Assert.True(CaseKeys.IsCurrent(rewrapped));
        Assert.Equal(caseKey, CaseKeys.Unwrap(rewrapped, wrappingKey, _caseId));
        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(rewrapped, _masterKey, _caseId));
        Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.RewrapLegacy(legacy, RandomNumberGenerator.GetBytes(32), wrappingKey, _caseId));
    }

    [Fact]
    public void Destroy_zeroes_the_key_in_memory()
    {
        var caseKey = CaseKeys.Create();

        CaseKeys.Destroy(caseKey);

        Assert.Equal(new byte[32], caseKey);
    }
}
