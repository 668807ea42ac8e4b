using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Accounts;

/// <summary>Identity's hook for <see cref="PassphrasePolicy"/>, so every path that sets a passphrase applies it (its words in the page's language).</summary>
public sealed class PassphraseValidator(PassphrasePolicy policy, IStringLocalizer<AccountText> text) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var problems = policy.Check(password, user.UserName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "Passphrase", Description = PassphraseProblems.InLanguage(p, text) }).ToArray()));
    }

    public static PassphrasePolicy LoadPolicy(string contentRoot)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "common-passphrases.txt");
        if (!File.Exists(path))
        {
            path = Path.Combine(contentRoot, "Content", "common-passphrases.txt");
        }

        var lines = File.ReadLines(path).Where(l => !l.StartsWith('#'));
        return new PassphrasePolicy(lines);
    }
}
