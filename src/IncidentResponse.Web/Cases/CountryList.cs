using IncidentResponse.Domain.Safety;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IncidentResponse.Web.Cases;

public static class CountryList
{
    /// <summary>The countries we have help for, by name, with "somewhere else" (the international pack) last.</summary>
    public static IReadOnlyList<SelectListItem> For(JurisdictionCatalog catalog) =>
        catalog.Packs
            .OrderBy(p => p.Code == JurisdictionCatalog.FallbackCode)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new SelectListItem(p.Code == JurisdictionCatalog.FallbackCode ? "Somewhere else" : p.Name, p.Code))
            .ToList();
}
