using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The countries a person can say they live in: every country we have a pack for, and every EU member state (which
/// without a pack of its own is shown the international pack, with 112, and its own Digital Services Coordinator).
/// </summary>
public static class CountryList
{
    /// <summary>
    /// The choices by name, with "somewhere else" (the international pack) last. The countries' names are the packs'
    /// and the coordinators' own (content files, in English for now).
    /// </summary>
    public static IReadOnlyList<SelectListItem> For(JurisdictionCatalog catalog, DigitalServicesCoordinators coordinators, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(coordinators);
        ArgumentNullException.ThrowIfNull(text);
        var packs = catalog.Packs.Where(p => p.Code != JurisdictionCatalog.FallbackCode).Select(p => (Name: p.Name, Code: p.Code));
        var europe = coordinators.All.Where(c => !catalog.TryGet(c.CountryCode, out _)).Select(c => (Name: c.Country, Code: c.CountryCode));
        return packs.Concat(europe)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => new SelectListItem(c.Name, c.Code))
            .Append(new SelectListItem(text["Country.Elsewhere"], JurisdictionCatalog.FallbackCode))
            .ToList();
    }

    /// <summary>True when <paramref name="code"/> is one of the choices.</summary>
    public static bool IsKnown(JurisdictionCatalog catalog, string? code) =>
        code is not null && (catalog.TryGet(code, out _) || EuropeanUnion.IsMember(code));

    /// <summary>
    /// The code a case stores: a pack's own code (so "UK" is stored as GB), or an EU member state's ISO code; anything
    /// else is the international pack's.
    /// </summary>
    public static string CodeToStore(JurisdictionCatalog catalog, string? code)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (code is not null && catalog.TryGet(code, out var pack))
        {
            return pack.Code;
        }

        return EuropeanUnion.IsMember(code) ? code!.Trim().ToUpperInvariant() : JurisdictionCatalog.FallbackCode;
    }
}
