using System.Text.RegularExpressions;
using IncidentResponse.Domain.Accounts;

namespace IncidentResponse.Domain.Tests.Accounts;

public sealed partial class RecoveryCodeFormatTests
{
    [Fact]
    public void A_set_is_ten_different_codes_in_four_groups_of_four_from_the_unambiguous_alphabet()
    {
        var set = RecoveryCodeFormat.NewSet();

        Assert.Equal(10, set.Count);
        Assert.Equal(10, set.Distinct(StringComparer.Ordinal).Count());
        Assert.All(set, code => Assert.Matches(DisplayForm(), code));
    }

    [Fact]
    public void Codes_spread_over_the_whole_alphabet_so_each_character_carries_five_bits()
    {
        // 100 sets, 16,000 characters: every one of the 32 characters appears, none far more often than its share (500).
        var counts = Enumerable.Range(0, 100).SelectMany(_ => RecoveryCodeFormat.NewSet())
            .SelectMany(code => code.Replace("-", "", StringComparison.Ordinal))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 350, 650));
    }

    [Theory]
    [InlineData("7KQ2-M9XD-3TFA-WR6B", "7KQ2M9XD3TFAWR6B")]
    [InlineData(" 7kq2 m9xd 3tfa wr6b ", "7KQ2M9XD3TFAWR6B")]
    [InlineData("7KQ2M9XD3TFAWR6B", "7KQ2M9XD3TFAWR6B")]
    [InlineData("OOOO-IIII-LLLL-0000", "0000111111110000")]
    public void What_people_get_wrong_when_copying_by_hand_still_reads_as_the_code(string typed, string canonical) =>
        Assert.Equal(canonical, RecoveryCodeFormat.Canonical(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7KQ2-M9XD-3TFA")]
    [InlineData("7KQ2-M9XD-3TFA-WR6B-A")]
    [InlineData("7KQ2-M9XD-3TFA-WR6U")]
    [InlineData("7KQ2-M9XD-3TFA-WR6!")]
    [InlineData("7KQ2-M9XD-3TFA-WR6\u0411")]
    public void Anything_that_cannot_be_a_code_reads_as_none(string? typed) =>
        Assert.Null(RecoveryCodeFormat.Canonical(typed));

    [Fact]
    public void A_code_is_kept_as_its_sha256_and_its_display_and_typed_forms_hash_alike()
    {
        var code = RecoveryCodeFormat.NewSet()[0];
        var canonical = RecoveryCodeFormat.Canonical(code)!;

        Assert.Equal(code, RecoveryCodeFormat.Display(canonical));
        Assert.Equal(32, RecoveryCodeFormat.Hash(canonical).Length);
        Assert.Equal(RecoveryCodeFormat.Hash(canonical), RecoveryCodeFormat.Hash(RecoveryCodeFormat.Canonical(code.ToLowerInvariant().Replace('-', ' '))!));
        Assert.NotEqual(RecoveryCodeFormat.Hash(canonical), RecoveryCodeFormat.Hash(RecoveryCodeFormat.Canonical(RecoveryCodeFormat.NewSet()[0])!));
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")]
    private static partial Regex DisplayForm();
}
