using IncidentResponse.Domain.Accounts;

namespace IncidentResponse.Domain.Tests.Accounts;

public sealed class PassphrasePolicyTests
{
    private readonly PassphrasePolicy _policy = new(["password", "sunshine", "123456789012", "iloveyou", "qwertyuiopasdfgh"]);

    [Theory]
    [InlineData("kettle river orange lamp and toast")]
    [InlineData("correct horse battery staple")]
    [InlineData("Ünïcödé wörds are fine too")]
    [InlineData("çok güzel bir parola bu")]
    public void Ordinary_unrelated_words_are_accepted_without_composition_rules(string passphrase) =>
        Assert.Empty(_policy.Check(passphrase, "someone"));

    [Theory]
    [InlineData("kettle river orange lamp")]
    [InlineData("Kettle River Orange Lamp")]
    [InlineData("kettle-river-orange-lamp")]
    [InlineData("kettleriverorangelamp2024!")]
    [InlineData("  KETTLE  river  orange  lamp  ")]
    public void The_example_shown_at_sign_up_is_refused_kindly_however_it_is_written(string passphrase)
    {
        Assert.True(PassphrasePolicy.IsTheExample(passphrase));
        Assert.Contains("the example we show", Assert.Single(_policy.Check(passphrase, "someone")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_passphrase_asks_for_one(string? passphrase) =>
        Assert.Equal("Please choose a passphrase.", Assert.Single(_policy.Check(passphrase, "someone")));

    [Fact]
    public void Eleven_characters_are_too_few_and_twelve_are_enough()
    {
        Assert.Contains("at least 12", Assert.Single(_policy.Check("abcdefghijk", null)), StringComparison.Ordinal);
        Assert.Empty(_policy.Check("abcdefghijkl", null));
    }

    [Fact]
    public void Length_counts_characters_not_bytes()
    {
        // Twelve emoji are 24 UTF-16 code units; they are twelve characters to a person.
        Assert.Empty(_policy.Check(string.Concat(Enumerable.Repeat("🌻🌊🍊🦉", 3)), null));
        Assert.NotEmpty(_policy.Check(string.Concat(Enumerable.Repeat("🌻🌊🍊🦉", 2)), null));
    }

    [Fact]
    public void The_maximum_is_generous_but_exists()
    {
        Assert.Empty(_policy.Check(new string('a', 60) + " kettle river orange lamp " + new string('b', 42), null));
        Assert.Contains("at most 128", Assert.Single(_policy.Check(new string('x', 64) + new string('y', 65), null)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("QwertyUiopAsdfgh")]
    [InlineData("passwordpassword")]
    [InlineData("Sunshine2024!!")]
    [InlineData("!!sunshine2024")]
    [InlineData("iloveyouiloveyou")]
    [InlineData("111111111111")]
    [InlineData("abcabcabcabc")]
    public void Common_passphrases_and_their_obvious_variations_are_refused(string passphrase)
    {
        Assert.True(_policy.IsCommon(passphrase));
        Assert.Contains("many people use", Assert.Single(_policy.Check(passphrase, "someone")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_passphrase_containing_the_username_is_refused()
    {
        Assert.Contains("username", Assert.Single(_policy.Check("my name is ravenclaw99 ok", "RavenClaw99")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_passphrase_of_too_few_different_characters_is_refused()
    {
        Assert.Contains("too few characters", Assert.Single(_policy.Check("abababababababx", null)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_is_normalised_to_lower_case()
    {
        var policy = new PassphrasePolicy(["  MixedCaseEntry99  ", ""]);
        Assert.Equal(1, policy.CommonCount);
        Assert.True(policy.IsCommon("mixedcaseentry99"));
    }
}
