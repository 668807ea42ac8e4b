using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class LetterCompletenessTests
{
    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void A_complete_letter_can_be_finalised(LetterKind kind)
    {
        var check = LetterCompleteness.Check(kind, TestLetters.Complete(kind));

        Assert.Empty(check.Missing);
        Assert.True(check.CanFinalise);
        Assert.True(LetterCompleteness.CanFinalise(kind, TestLetters.Complete(kind)));
    }

    [Theory]
    [MemberData(nameof(TestLetters.KindRequirements), MemberType = typeof(TestLetters))]
    public void Each_missing_requirement_is_reported_and_blocks_finalising(LetterKind kind, LetterRequirement requirement)
    {
        var (input, code) = TestLetters.Without(TestLetters.Complete(kind), requirement);

        var check = LetterCompleteness.Check(kind, input);

        Assert.False(check.CanFinalise);
        var issue = Assert.Single(check.Missing);
        Assert.Equal(code, issue.Code);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
    }

    [Theory]
    [InlineData(LetterKind.PlatformPolicyReport, new[] { LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Email, LetterRequirement.GoodFaith })]
    [InlineData(LetterKind.DmcaNotice, new[] { LetterRequirement.LetterDate, LetterRequirement.CopyrightBasis, LetterRequirement.CopyrightedWork, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.PostalAddressOrPhone, LetterRequirement.GoodFaith, LetterRequirement.Accuracy, LetterRequirement.Signature })]
    [InlineData(LetterKind.TakeItDownRequest, new[] { LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.AnyContact, LetterRequirement.GoodFaith, LetterRequirement.Reasons, LetterRequirement.Signature })]
    [InlineData(LetterKind.DsaNotice, new[] { LetterRequirement.LetterDate, LetterRequirement.Reasons, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.Email, LetterRequirement.GoodFaith })]
    [InlineData(LetterKind.SearchDelisting, new[] { LetterRequirement.LetterDate, LetterRequirement.SearchEngineRecipient, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.Email, LetterRequirement.GoodFaith })]
    [InlineData(LetterKind.PreservationToPlatform, new[] { LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.Email })]
    [InlineData(LetterKind.PreservationForPolice, new[] { LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.AnyContact })]
    [InlineData(LetterKind.FollowUp, new[] { LetterRequirement.LetterDate, LetterRequirement.PreviousRequest, LetterRequirement.Url, LetterRequirement.Email })]
    [InlineData(LetterKind.ExtortionAccountReport, new[] { LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Email, LetterRequirement.GoodFaith })]
    [InlineData(LetterKind.DataProtectionDelisting, new[] { LetterRequirement.LetterDate, LetterRequirement.SearchEngineRecipient, LetterRequirement.DataProtectionJurisdiction, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.AnyContact })]
    public void Each_kind_requires_what_its_law_or_route_asks_for(LetterKind kind, LetterRequirement[] expected)
    {
        Assert.Equal(expected, LetterCompleteness.Requirements(kind));
    }

    [Fact]
    public void A_dmca_notice_asks_for_an_email_address_only_if_available()
    {
        var input = TestLetters.Complete(LetterKind.DmcaNotice);
        var noEmail = input with { Sender = input.Sender with { Email = IdentityField.Empty } };

        Assert.True(LetterCompleteness.Check(LetterKind.DmcaNotice, noEmail).CanFinalise);
        var text = LetterComposer.Compose(LetterKind.DmcaNotice, noEmail).ToPlainText();
        Assert.Contains("Postal address: PO Box 12, Springfield", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Email:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_input_lists_every_missing_thing_for_a_dmca_notice()
    {
        var input = new LetterInput { Recipient = TestLetters.Shipped.Get("x") };

        var codes = LetterCompleteness.Check(LetterKind.DmcaNotice, input).Missing.Select(m => m.Code);

        Assert.Equal(
        [
            CompletenessCodes.NoDate, CompletenessCodes.NoCopyrightBasis, CompletenessCodes.NoCopyrightedWork,
            CompletenessCodes.NoUrl, CompletenessCodes.NoName,
            CompletenessCodes.NoPostalAddressOrPhone, CompletenessCodes.NoGoodFaith,
            CompletenessCodes.NoAccuracyStatement, CompletenessCodes.NoSignature,
        ], codes);
    }

    [Fact]
    public void A_dmca_notice_from_someone_who_does_not_own_the_copyright_is_blocked_with_other_routes_named()
    {
        var input = TestLetters.Complete(LetterKind.DmcaNotice) with { CopyrightBasis = CopyrightBasis.SenderDoesNotOwnCopyright };

        var issue = Assert.Single(LetterCompleteness.Check(LetterKind.DmcaNotice, input).Missing);

        Assert.Equal(CompletenessCodes.CopyrightNotOwned, issue.Code);
        Assert.Contains("TAKE IT DOWN", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterKind.DmcaNotice, CompletenessCodes.NamePrivate)]
    [InlineData(LetterKind.TakeItDownRequest, CompletenessCodes.NamePrivate)]
    [InlineData(LetterKind.DsaNotice, CompletenessCodes.NamePrivate)]
    [InlineData(LetterKind.SearchDelisting, CompletenessCodes.NamePrivate)]
    [InlineData(LetterKind.PreservationToPlatform, CompletenessCodes.NamePrivate)]
    [InlineData(LetterKind.PreservationForPolice, CompletenessCodes.NamePrivate)]
    public void A_private_name_a_kind_needs_is_reported_with_another_identity_suggested(LetterKind kind, string code)
    {
        var input = TestLetters.Complete(kind);
        input = input with { Sender = input.Sender with { Name = IdentityField.Private("Legal Name") } };

        var issue = Assert.Single(LetterCompleteness.Check(kind, input).Missing);

        Assert.Equal(code, issue.Code);
        Assert.Contains("private", issue.Message, StringComparison.Ordinal);
        Assert.Contains("an ally or an attorney", issue.Message, StringComparison.Ordinal);
        Assert.Contains("contact address", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LetterKind.PlatformPolicyReport)]
    [InlineData(LetterKind.DsaNotice)]
    [InlineData(LetterKind.SearchDelisting)]
    [InlineData(LetterKind.PreservationToPlatform)]
    [InlineData(LetterKind.FollowUp)]
    public void A_private_email_a_kind_needs_is_reported(LetterKind kind)
    {
        var input = TestLetters.Complete(kind);
        input = input with { Sender = input.Sender with { Email = IdentityField.Private("me@home.example") } };

        Assert.Equal(CompletenessCodes.EmailPrivate, Assert.Single(LetterCompleteness.Check(kind, input).Missing).Code);
    }

    [Fact]
    public void A_private_home_address_and_phone_block_a_dmca_notice_but_a_public_one_of_them_is_enough()
    {
        var input = TestLetters.Complete(LetterKind.DmcaNotice);
        var bothPrivate = input with
        {
            Sender = input.Sender with { PostalAddress = IdentityField.Private("1 Home Street"), Phone = IdentityField.Private("+1 555 0199") },
        };
        var phonePublic = bothPrivate with { Sender = bothPrivate.Sender with { Phone = IdentityField.Public("+1 555 0100") } };

        Assert.Equal(CompletenessCodes.PostalAddressAndPhonePrivate,
            Assert.Single(LetterCompleteness.Check(LetterKind.DmcaNotice, bothPrivate).Missing).Code);
        Assert.True(LetterCompleteness.Check(LetterKind.DmcaNotice, phonePublic).CanFinalise);
    }

    [Theory]
    [InlineData(LetterKind.TakeItDownRequest)]
    [InlineData(LetterKind.PreservationForPolice)]
    public void Kinds_that_take_any_contact_report_when_every_contact_is_private(LetterKind kind)
    {
        var input = TestLetters.Complete(kind);
        var allPrivate = input with
        {
            Sender = input.Sender with
            {
                Email = IdentityField.Private("me@home.example"),
                PostalAddress = IdentityField.Private("1 Home Street"),
                Phone = IdentityField.Private("+1 555 0199"),
            },
        };
        var onePublic = allPrivate with { Sender = allPrivate.Sender with { Phone = IdentityField.Public("+1 555 0100") } };

        Assert.Equal(CompletenessCodes.ContactPrivate, Assert.Single(LetterCompleteness.Check(kind, allPrivate).Missing).Code);
        Assert.True(LetterCompleteness.Check(kind, onePublic).CanFinalise);
    }

    [Fact]
    public void A_private_field_a_kind_does_not_need_does_not_block()
    {
        var input = TestLetters.Complete(LetterKind.PlatformPolicyReport);
        input = input with
        {
            Sender = input.Sender with { Name = IdentityField.Private("Legal Name"), PostalAddress = IdentityField.Private("1 Home Street") },
        };

        Assert.True(LetterCompleteness.Check(LetterKind.PlatformPolicyReport, input).CanFinalise);
    }

    [Fact]
    public void Codes_are_stable_and_distinct()
    {
        var codes = typeof(CompletenessCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
        Assert.Contains("no-signature", codes);
        Assert.Contains("no-url", codes);
        Assert.Contains("no-good-faith", codes);
        Assert.Contains("no-email", codes);
    }
}
