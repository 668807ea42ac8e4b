using System.Linq.Expressions;
using FluentValidation;
using IncidentResponse.Domain.Cases;

namespace IncidentResponse.Web.Cases;

/// <summary>The rules for a case name, shared by "start a case" and "case details".</summary>
public sealed class CaseTitleRules<T> : AbstractValidator<T>
{
    public CaseTitleRules(Expression<Func<T, string>> title)
    {
        RuleFor(title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please give your case a name. Anything neutral will do.")
            .Must(t => t.Trim().Length <= Case.TitleMaxLength).WithMessage($"Please keep the name to {Case.TitleMaxLength} characters or fewer.")
            .Must(t => !t.Any(char.IsControl)).WithMessage("Please use ordinary letters, numbers and punctuation in the name.");
    }
}
