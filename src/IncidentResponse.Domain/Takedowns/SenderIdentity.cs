namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// The identity a letter is sent from. Each field can be marked private: a private value never appears in a composed
/// letter, and when a letter needs it, <see cref="LetterCompleteness"/> says so and suggests another identity.
/// </summary>
public sealed record SenderIdentity
{
    /// <summary>The name to sign with (a legal name, an ally's or attorney's name).</summary>
    public IdentityField Name { get; init; } = IdentityField.Empty;

    public IdentityField Email { get; init; } = IdentityField.Empty;

    public IdentityField PostalAddress { get; init; } = IdentityField.Empty;

    public IdentityField Phone { get; init; } = IdentityField.Empty;

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
