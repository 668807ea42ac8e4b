namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// The identity a letter is sent from. Each field can be marked private: a private value never appears in a composed
/// letter, and when a letter needs it, <see cref="LetterCompleteness"/> says so and suggests another identity.
/// A <see cref="TakedownRequest"/> stores it as an EF complex type, in the columns <c>SenderName</c>,
/// <c>SenderNamePrivate</c> and so on for each field.
/// </summary>
public sealed record SenderIdentity
{
    /// <summary>The name to sign with (a legal name, an ally's or attorney's name).</summary>
    public IdentityField Name { get; init; } = IdentityField.Empty;

    public IdentityField Email { get; init; } = IdentityField.Empty;

    public IdentityField PostalAddress { get; init; } = IdentityField.Empty;

    public IdentityField Phone { get; init; } = IdentityField.Empty;

    /// <summary>The same identity with each private field's value left out (its mark stays, so a page can say it is kept private).</summary>
    public SenderIdentity WithoutPrivateValues() => Each(f => f.IsPrivate ? f with { Value = null } : f);

    /// <summary>
    /// This identity, except that each field <paramref name="saved"/> keeps private stays exactly as saved (value and
    /// mark): for someone who was never shown those values saving over them.
    /// </summary>
    public SenderIdentity KeepingPrivateFieldsOf(SenderIdentity saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        static IdentityField Keep(IdentityField mine, IdentityField theirs) => theirs.IsPrivate ? theirs : mine;
        return new SenderIdentity
        {
            Name = Keep(Name, saved.Name),
            Email = Keep(Email, saved.Email),
            PostalAddress = Keep(PostalAddress, saved.PostalAddress),
            Phone = Keep(Phone, saved.Phone),
        };
    }

    /// <summary>The same identity with <paramref name="change"/> applied to each field.</summary>
    public SenderIdentity Each(Func<IdentityField, IdentityField> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new SenderIdentity { Name = change(Name), Email = change(Email), PostalAddress = change(PostalAddress), Phone = change(Phone) };
    }

    /// <summary>The values marked private (trimmed, at least three characters), for keeping them out of free text.</summary>
    public IReadOnlyList<string> PrivateValues() =>
        new[] { Name, Email, PostalAddress, Phone }
            .Where(f => f is { IsPrivate: true } && !f.IsMissing)
            .Select(f => f.Value!.Trim())
            .Where(v => v.Length >= MinimumPrivateLength)
            .ToList();

    /// <summary>Shorter private values are not searched for in free text (they would match ordinary words).</summary>
    public const int MinimumPrivateLength = 3;

    /// <summary>True when <paramref name="text"/> contains a private value (ignoring case).</summary>
    public bool ContainsPrivateValue(string? text) =>
        !string.IsNullOrEmpty(text) && PrivateValues().Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text with every private value replaced by <see cref="Withheld"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PrivateValues()
            .OrderByDescending(v => v.Length)
            .Aggregate(text, (current, value) => current.Replace(value, Withheld, StringComparison.OrdinalIgnoreCase));
    }

    public const string Withheld = "[withheld]";
}

/// <summary>One piece of contact information and whether it must stay out of letters.</summary>
public sealed record IdentityField(string? Value, bool IsPrivate = false)
{
    public static readonly IdentityField Empty = new(Value: null);

    /// <summary>The value when it may be printed in a letter: present and not private.</summary>
    public string? Printable => IsPrivate || string.IsNullOrWhiteSpace(Value) ? null : Value.Trim();

    public bool IsMissing => string.IsNullOrWhiteSpace(Value);

    public static IdentityField Public(string value) => new(value);

    public static IdentityField Private(string value) => new(value, IsPrivate: true);
}
