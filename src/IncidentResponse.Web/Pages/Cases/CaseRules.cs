using System.Linq.Expressions;
using FluentValidation;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>The rules for a case's name and country, shared by "start a case" and "case details".</summary>
public sealed class CaseRules<T> : AbstractValidator<T>
{
    public CaseRules(Expression<Func<T, string>> title, Expression<Func<T, string>> jurisdictionCode, JurisdictionCatalog jurisdictions)
    {
        RuleFor(title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please give your case a name. Anything neutral will do.")
            .Must(t => t.Trim().Length <= Case.TitleMaxLength).WithMessage($"Please keep the name to {Case.TitleMaxLength} characters or fewer.")
            .Must(t => !t.Any(char.IsControl)).WithMessage("Please use ordinary letters, numbers and punctuation in the name.");
        RuleFor(jurisdictionCode).Must(code => CountryList.IsKnown(jurisdictions, code))
            .WithMessage("Please choose a country from the list.");
    }
}
