using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>
/// DSA Article 16(2)(c): a notice names who sends it, except when the information may involve one of the child sexual
/// abuse offences of Directive 2011/93/EU, Articles 3 to 7 — here, when the images may have been made when someone in
/// them was under 18.
/// </summary>
public sealed class DsaIdentityTests
{
    private static LetterInput Anonymous(bool mayShowSomeoneUnderEighteen) =>
        TestLetters.Complete(LetterKind.DsaNotice) with
        {
            JurisdictionCode = "FR",
            Sender = new SenderIdentity(),
            MayShowSomeoneUnderEighteen = mayShowSomeoneUnderEighteen,
        };

    [Fact]
    public void An_adults_dsa_notice_still_needs_a_name_and_an_email()
    {
        var check = LetterCompleteness.Check(LetterKind.DsaNotice, Anonymous(mayShowSomeoneUnderEighteen: false));

        Assert.True(check.Reports(CompletenessCodes.NoName));
        Assert.True(check.Reports(CompletenessCodes.NoEmail));
    }

    [Fact]
    public void A_dsa_notice_about_images_that_may_show_someone_under_18_can_be_finalised_without_name_or_email()
    {
        var input = Anonymous(mayShowSomeoneUnderEighteen: true);

        Assert.True(LetterCompleteness.CanFinalise(LetterKind.DsaNotice, input));
        var letter = LetterComposer.Compose(LetterKind.DsaNotice, input);
        var text = letter.ToPlainText();
        Assert.Contains("Directive 2011/93/EU", text, StringComparison.Ordinal);
        Assert.Contains("Article 16(2)(c)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Who is sending this notice", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Name:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Email:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact", text, StringComparison.Ordinal);
        Assert.DoesNotContain("on behalf of", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/s/", text, StringComparison.Ordinal);
        Assert.True(letter.Has(LetterElement.NameAndEmail));
    }

    [Fact]
    public void A_private_name_is_no_obstacle_and_stays_out_of_the_letter()
    {
        var input = Anonymous(mayShowSomeoneUnderEighteen: true) with
        {
            Sender = new SenderIdentity { Name = IdentityField.Private("Alex Hidden"), Email = IdentityField.Public("safe@example.org") },
        };

        Assert.True(LetterCompleteness.CanFinalise(LetterKind.DsaNotice, input));
        var text = LetterComposer.Compose(LetterKind.DsaNotice, input).ToPlainText();
        Assert.DoesNotContain("Alex Hidden", text, StringComparison.Ordinal);
        Assert.Contains("Email: safe@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Name:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_and_email_given_are_printed_as_usual_without_the_exception()
    {
        var input = TestLetters.Complete(LetterKind.DsaNotice) with { JurisdictionCode = "FR", MayShowSomeoneUnderEighteen = true };

        var text = LetterComposer.Compose(LetterKind.DsaNotice, input).ToPlainText();
        Assert.Contains("Name: Sam Ally", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Directive 2011/93/EU", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterKind.PlatformPolicyReport)]
    [InlineData(LetterKind.TakeItDownRequest)]
    [InlineData(LetterKind.PreservationToPlatform)]
    public void Other_kinds_keep_their_identity_requirements(LetterKind kind)
    {
        var input = TestLetters.Complete(kind) with { Sender = new SenderIdentity(), MayShowSomeoneUnderEighteen = true };

        Assert.False(LetterCompleteness.CanFinalise(kind, input));
    }

    [Theory]
    [InlineData(false, AgeAnswer.Yes, true)]
    [InlineData(false, AgeAnswer.NotSure, true)]
    [InlineData(true, AgeAnswer.No, true)]
    [InlineData(true, null, true)]
    [InlineData(false, AgeAnswer.No, false)]
    [InlineData(false, null, false)]
    public void Only_images_that_may_have_been_made_under_18_count(bool route, AgeAnswer? made, bool expected)
    {
        Assert.Equal(expected, Case.ImagesMayShowSomeoneUnderEighteen(route, made));
    }
}
