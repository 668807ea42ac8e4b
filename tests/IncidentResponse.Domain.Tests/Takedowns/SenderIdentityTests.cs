using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>What a helper may see of a sender, and what their save may change.</summary>
public sealed class SenderIdentityTests
{
    private static readonly SenderIdentity Saved = new()
    {
        Name = IdentityField.Public("Sam Example"),
        Email = IdentityField.Public("sam@example.org"),
        PostalAddress = IdentityField.Private("1 Private Road"),
        Phone = IdentityField.Private("+1 555 0100"),
    };

    [Fact]
    public void Without_private_values_a_private_field_keeps_its_mark_but_not_its_value()
    {
        var shown = Saved.WithoutPrivateValues();

        Assert.Equal(new IdentityField("Sam Example"), shown.Name);
        Assert.Equal(new IdentityField("sam@example.org"), shown.Email);
        Assert.Equal(new IdentityField(null, IsPrivate: true), shown.PostalAddress);
        Assert.Equal(new IdentityField(null, IsPrivate: true), shown.Phone);
    }

    [Fact]
    public void A_save_by_someone_never_shown_the_private_fields_keeps_them_as_saved_and_takes_the_rest_as_typed()
    {
        var typed = new SenderIdentity
        {
            Name = IdentityField.Public("Sam Edited"),
            Email = IdentityField.Private("new@example.org"),
            PostalAddress = IdentityField.Public(""),
            Phone = IdentityField.Public("guessed"),
        };

        var kept = typed.KeepingPrivateFieldsOf(Saved);

        Assert.Equal(
            new SenderIdentity
            {
                Name = IdentityField.Public("Sam Edited"),
                Email = IdentityField.Private("new@example.org"),
                PostalAddress = IdentityField.Private("1 Private Road"),
                Phone = IdentityField.Private("+1 555 0100"),
            },
            kept);
    }
}
