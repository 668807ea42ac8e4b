using IncidentResponse.Domain.Keys;

namespace IncidentResponse.Domain.Tests.Keys;

public class MasterKeyDerivationTests
{
    private static readonly byte[] Master = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(MasterKeyUse.CaseKeyWrapping, "8e96136153033c23eda1c563961ebb96461aff68f401c3fd5eee0b2dd9a995e5")]
    [InlineData(MasterKeyUse.AuditChain, "3265399ad77b3e508055041ec251d7b856268352862892e98cc2bce1ce3b3334")]
    [InlineData(MasterKeyUse.DataProtectionKeyRing, "e2fc1b1adc559a1a835bd66f6b76c72c456f455d202eda9a478ba73e4fc7547c")]
    public void Each_use_matches_an_independent_HKDF_SHA256_with_its_label(MasterKeyUse use, string expected)
    {
        // Computed outside .NET (Python's hmac, RFC 5869 by hand: zero salt, info = the label, one block).
        Assert.Equal(expected, Convert.ToHexStringLower(MasterKeyDerivation.Derive(Master, use)));
    }

    [Fact]
    public void Every_use_gets_a_different_key_and_none_is_the_master_key()
    {
        var keys = Enum.GetValues<MasterKeyUse>().Select(use => Convert.ToHexString(MasterKeyDerivation.Derive(Master, use))).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.DoesNotContain(Convert.ToHexString(Master), keys);
        Assert.Equal(keys.Count, Enum.GetValues<MasterKeyUse>().Select(MasterKeyDerivation.Label).Distinct().Count());
    }

    [Fact]
    public void A_master_key_is_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => MasterKeyDerivation.Derive(new byte[16], MasterKeyUse.AuditChain));
    }
}
