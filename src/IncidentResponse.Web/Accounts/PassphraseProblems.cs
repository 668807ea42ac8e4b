using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Pages.Account;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// The problems <see cref="PassphrasePolicy"/> finds, in the language of the page: the policy words them in English,
/// and each of its sentences has a resource (<c>Policy.*</c> in AccountText). A sentence without one stays as it is.
/// </summary>
public static class PassphraseProblems
{
    private static readonly Dictionary<string, (string Key, object[] Arguments)> Keys = new(StringComparer.Ordinal)
    {
        ["Please choose a passphrase."] = ("Policy.Empty", []),
        [$"Use at least {PassphrasePolicy.MinimumLength} characters. A few ordinary words together work well."] = ("Policy.TooShort", [PassphrasePolicy.MinimumLength]),
        [$"Use at most {PassphrasePolicy.MaximumLength} characters."] = ("Policy.TooLong", [PassphrasePolicy.MaximumLength]),
        ["That is the example we show when you sign up, so anyone could guess it. Please make up your own: a few unrelated words that only you would put together."] = ("Policy.Example", []),
        ["That passphrase is one that many people use, so it is easy to guess. Try a few unrelated words."] = ("Policy.Common", []),
        ["Please don't include your username in your passphrase."] = ("Policy.Username", []),
        ["That passphrase repeats too few characters to be hard to guess. Try a few unrelated words."] = ("Policy.Repeats", []),
    };

    /// <summary>The policy's English sentences that have a resource.</summary>
    public static IEnumerable<string> Known => Keys.Keys;

    public static string InLanguage(string problem, IStringLocalizer<AccountText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Keys.TryGetValue(problem, out var found) ? text[found.Key, found.Arguments] : problem;
    }
}
