using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>A value marked private never reaches a letter, whatever the kind and whatever else is filled in.</summary>
public sealed class PrivateFieldTests
{
    private const string PrivateName = "Jordan Legalname";
    private const string PrivateEmail = "jordan.home@private.example";
    private const string PrivateAddress = "17 Hidden Lane, Hometown";
    private const string PrivatePhone = "+44 7700 900123";

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void No_private_value_appears_in_any_kind_of_letter(LetterKind kind)
    {
        var input = TestLetters.Complete(kind) with
        {
            Sender = new SenderIdentity
            {
                Name = IdentityField.Private(PrivateName),
                Email = IdentityField.Private(PrivateEmail),
                PostalAddress = IdentityField.Private(PrivateAddress),
                Phone = IdentityField.Private(PrivatePhone),
            },
        };

        input = input with
        {
            Reasons = $"Posted by someone who knows me as {PrivateName.ToUpperInvariant()} and knows {PrivateAddress}.",
            CopyrightedWork = $"A photo taken at {PrivateAddress}",
            Incidents = [new IncidentRef(TestLetters.Today, $"Messages to {PrivateEmail} and {PrivatePhone}", $"@{PrivateName}")],
            PoliceReference = $"Case of {PrivateName}",
            Previous = input.Previous! with { Reference = PrivateEmail },
        };

        var letter = LetterComposer.Compose(kind, input);
        var everything = letter.ToPlainText() + string.Join("\n", letter.Guidance) + letter.Title;

        foreach (var secret in new[] { PrivateName, PrivateEmail, PrivateAddress, PrivatePhone, "Legalname", "Hidden Lane", "7700" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(LetterCompleteness.Check(kind, input).CanFinalise);
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void Public_fields_still_appear_when_others_are_private(LetterKind kind)
    {
        var input = TestLetters.Complete(kind);
        input = input with
        {
            Sender = input.Sender with { PostalAddress = IdentityField.Private(PrivateAddress), Phone = IdentityField.Private(PrivatePhone) },
        };

        var text = LetterComposer.Compose(kind, input).ToPlainText();

        Assert.Contains("contact@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateAddress, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivatePhone, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void A_private_value_typed_into_free_text_is_withheld_and_the_check_warns_without_blocking(LetterKind kind)
    {
        var input = TestLetters.Complete(kind);
        input = input with
        {
            Sender = input.Sender with { PostalAddress = IdentityField.Private(PrivateAddress), Phone = IdentityField.Private(PrivatePhone) },
            Reasons = $"They posted it with my home address, {PrivateAddress}.",
            Incidents = [new IncidentRef(TestLetters.Today, $"Calls to {PrivatePhone}")],
        };
        if (kind == LetterKind.DmcaNotice)
        {
            input = input with { Sender = input.Sender with { Phone = IdentityField.Public("+1 555 0100") } };
        }

        var text = LetterComposer.Compose(kind, input).ToPlainText();
        var check = LetterCompleteness.Check(kind, input);

        Assert.DoesNotContain(PrivateAddress, text, StringComparison.OrdinalIgnoreCase);
        Assert.True(check.CanFinalise, string.Join("; ", check.Missing.Select(m => m.Code)));
        Assert.Contains(check.Warnings, w => w.Code == CompletenessCodes.PrivateValueInText);
    }

    [Fact]
    public void Free_text_keeps_its_words_around_the_withheld_value()
    {
        var input = TestLetters.Complete(LetterKind.DsaNotice) with { Reasons = $"They named me as {PrivateName} in the caption." };
        input = input with { Sender = input.Sender with { Name = IdentityField.Private(PrivateName) } };

        var text = LetterComposer.Compose(LetterKind.DsaNotice, input).ToPlainText();

        Assert.Contains("They named me as [withheld] in the caption.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_address_is_never_changed_but_the_check_warns_when_it_contains_a_private_value()
    {
        var input = TestLetters.Complete(LetterKind.PlatformPolicyReport);
        input = input with
        {
            Sender = input.Sender with { Name = IdentityField.Private("jordan-legalname") },
            Sightings = [new SightingRef("https://example.org/jordan-legalname-photos", null, TestLetters.Today)],
        };

        var check = LetterCompleteness.Check(LetterKind.PlatformPolicyReport, input);

        Assert.Contains("https://example.org/jordan-legalname-photos", LetterComposer.Compose(LetterKind.PlatformPolicyReport, input).ToPlainText(), StringComparison.Ordinal);
        Assert.True(check.CanFinalise);
        Assert.Equal(CompletenessCodes.PrivateValueInUrl, Assert.Single(check.Warnings).Code);
    }

    [Fact]
    public void The_check_warns_when_a_shown_detail_contains_a_private_one()
    {
        var input = TestLetters.Complete(LetterKind.PlatformPolicyReport);
        input = input with
        {
            Sender = input.Sender with { Name = IdentityField.Private("Legalname"), Email = IdentityField.Public("legalname@example.org") },
        };

        Assert.Equal(CompletenessCodes.PrivateValueInPublicField,
            Assert.Single(LetterCompleteness.Check(LetterKind.PlatformPolicyReport, input).Warnings).Code);
    }

    [Fact]
    public void A_complete_letter_without_private_values_has_no_warnings()
    {
        Assert.Empty(LetterCompleteness.Check(LetterKind.DmcaNotice, TestLetters.Complete(LetterKind.DmcaNotice)).Warnings);
    }

    [Fact]
    public void The_test_would_catch_a_printed_value()
    {
        var input = TestLetters.Complete(LetterKind.DmcaNotice) with
        {
            Sender = TestLetters.PublicSender with { PostalAddress = IdentityField.Public(PrivateAddress) },
        };

        Assert.Contains(PrivateAddress, LetterComposer.Compose(LetterKind.DmcaNotice, input).ToPlainText(), StringComparison.Ordinal);
    }
}
