using Microsoft.AspNetCore.Mvc;

namespace IncidentResponse.Web.Accounts;

/// <summary>Where a page goes back to afterwards: the address it was given if it is local (never an open redirect), else its default.</summary>
public static class ReturnUrls
{
    public static string LocalOr(this IUrlHelper url, string? returnUrl, string fallback)
    {
        ArgumentNullException.ThrowIfNull(url);
        return !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
    }
}
