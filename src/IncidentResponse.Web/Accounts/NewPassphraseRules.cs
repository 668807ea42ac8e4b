using System.Linq.Expressions;
using FluentValidation;
using IncidentResponse.Domain.Accounts;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// The rules every form that sets a passphrase shares (sign-up, changing it, choosing one with a recovery code): the
/// passphrase policy, told the person's username, and the same passphrase typed a second time.
/// </summary>
public static class NewPassphraseRules
{
    public static void NewPassphrase<T>(
        this AbstractValidator<T> validator,
        PassphrasePolicy policy,
        Expression<Func<T, string>> passphrase,
        Func<T, string?> username,
        Expression<Func<T, string>> typedAgain,
        string mismatchMessage)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(passphrase);
        var field = ((MemberExpression)passphrase.Body).Member.Name;
        var read = passphrase.Compile();
        validator.RuleFor(passphrase).Custom((value, context) =>
        {
            foreach (var problem in policy.Check(value, username(context.InstanceToValidate)?.Trim()))
            {
                context.AddFailure(field, problem);
            }
        });
        validator.RuleFor(typedAgain).Equal(passphrase)
            .When(x => !string.IsNullOrEmpty(read(x)))
            .WithMessage(mismatchMessage);
    }
}
