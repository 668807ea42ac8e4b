namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// Passphrase rules after current guidance (NIST SP 800-63B): a minimum length, a generous maximum, no composition
/// rules, and a refusal of the passphrases attackers try first. Paste is always allowed.
/// </summary>
public sealed class PassphrasePolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>
    /// The example the sign-up page and the user guide show. Everyone can read it, so it is refused however it is
    /// spaced, capitalised or decorated.
    /// </summary>
    public const string Example = "kettle river orange lamp";

    private readonly HashSet<string> _common;

    public PassphrasePolicy(IEnumerable<string> commonPassphrases)
    {
        _common = new HashSet<string>(commonPassphrases.Select(Normalise).Where(p => p.Length > 0), StringComparer.Ordinal);
    }

    public int CommonCount => _common.Count;

    /// <summary>Plain-language problems with the passphrase; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Check(string? passphrase, string? username)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(passphrase))
        {
            problems.Add("Please choose a passphrase.");
            return problems;
        }

        var length = passphrase.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            problems.Add($"Use at least {MinimumLength} characters. A few ordinary words together work well.");
        }
        else if (length > MaximumLength)
        {
            problems.Add($"Use at most {MaximumLength} characters.");
        }
        else if (IsTheExample(passphrase))
        {
            problems.Add("That is the example we show when you sign up, so anyone could guess it. Please make up your own: a few unrelated words that only you would put together.");
        }
        else if (IsCommon(passphrase))
        {
            problems.Add("That passphrase is one that many people use, so it is easy to guess. Try a few unrelated words.");
        }
        else if (!string.IsNullOrWhiteSpace(username)
                 && Normalise(passphrase).Contains(Normalise(username), StringComparison.Ordinal))
        {
            problems.Add("Please don't include your username in your passphrase.");
        }
        else if (passphrase.Distinct().Count() < 4)
        {
            problems.Add("That passphrase repeats too few characters to be hard to guess. Try a few unrelated words.");
        }

        return problems;
    }

    /// <summary>
    /// True for a listed passphrase, or one that is only a listed one (or a run of them) with digits and symbols around
    /// it, such as "Sunshine2024!" or "passwordpassword".
    /// </summary>
    public bool IsCommon(string passphrase)
    {
        var normalised = Normalise(passphrase);
        if (_common.Contains(normalised))
        {
            return true;
        }

        var core = normalised.Trim("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        if (core.Length == 0 || _common.Contains(core))
        {
            return true;
        }

        for (var size = 1; size <= core.Length / 2; size++)
        {
            if (core.Length % size == 0 && string.Concat(Enumerable.Repeat(core[..size], core.Length / size)) == core
                && (size < 4 || _common.Contains(core[..size])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <see cref="Example"/> with any spacing, capitals, digits or symbols around or between its words.</summary>
    public static bool IsTheExample(string passphrase) =>
        string.Equals(LettersOnly(passphrase), LettersOnly(Example), StringComparison.Ordinal);

    private static string LettersOnly(string value) =>
        string.Concat(value.Where(char.IsLetter)).ToLowerInvariant();

    private static string Normalise(string value) => value.Trim().ToLowerInvariant();
}
