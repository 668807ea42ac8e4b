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
