using IncidentResponse.Domain.Safety;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(JurisdictionCatalog jurisdictions) : PageModel
{
    /// <summary>Each country's emergency number from the sourced content files, the general fallback last.</summary>
    public IReadOnlyList<JurisdictionPack> Packs { get; } =
        jurisdictions.Packs
            .Where(p => p.EmergencyNumber is not null)
            .OrderBy(p => p.Code == JurisdictionCatalog.FallbackCode)
            .ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();

    public void OnGet()
    {
    }
}
