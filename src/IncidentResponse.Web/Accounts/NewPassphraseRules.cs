using System.Linq.Expressions;
using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Pages.Account;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// The rules every form that sets a passphrase shares (sign-up, changing it, choosing one with a recovery code): the
/// passphrase policy, told the person's username, and the same passphrase typed a second time, in the page's language
/// (<paramref name="mismatchKey"/> names the AccountText resource for two passphrases that differ).
/// </summary>
public static class NewPassphraseRules
{
    public static void NewPassphrase<T>(
        this AbstractValidator<T> validator,
        PassphrasePolicy policy,
        IStringLocalizer<AccountText> text,
        Expression<Func<T, string>> passphrase,
        Func<T, string?> username,
        Expression<Func<T, string>> typedAgain,
        string mismatchKey)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(text);
        var field = ((MemberExpression)passphrase.Body).Member.Name;
        var read = passphrase.Compile();
        validator.RuleFor(passphrase).Custom((value, context) =>
        {
            foreach (var problem in policy.Check(value, username(context.InstanceToValidate)?.Trim()))
            {
                context.AddFailure(field, PassphraseProblems.InLanguage(problem, text));
            }
        });
        validator.RuleFor(typedAgain).Equal(passphrase)
            .When(x => !string.IsNullOrEmpty(read(x)))
            .WithMessage(_ => text[mismatchKey]);
    }
}
