using System.Linq.Expressions;
using FluentValidation;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>The rules for a case's name and country, shared by "start a case" and "case details".</summary>
public sealed class CaseRules<T> : AbstractValidator<T>
{
    public CaseRules(Expression<Func<T, string>> title, Expression<Func<T, string>> jurisdictionCode, JurisdictionCatalog jurisdictions, IStringLocalizer<CasesText> text)
    {
        RuleFor(title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Rules.TitleMissing"])
            .Must(t => t.Trim().Length <= Case.TitleMaxLength).WithMessage(_ => text["Rules.TitleTooLong", Case.TitleMaxLength])
            .Must(t => !t.Any(char.IsControl)).WithMessage(_ => text["Rules.TitleControl"]);
        RuleFor(jurisdictionCode).Must(code => CountryList.IsKnown(jurisdictions, code))
            .WithMessage(_ => text["Rules.Country"]);
    }
}
