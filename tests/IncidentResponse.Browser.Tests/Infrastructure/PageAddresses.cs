using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// Real addresses for the pages of <see cref="AppPages"/>: the case's own id fills <c>{caseId}</c>, and routes with
/// other ids are found among the links of the pages already opened. Shared by every test that walks all the pages.
/// </summary>
public static class PageAddresses
{
    /// <summary>The address to open for <paramref name="appPage"/>, or <see langword="null"/> while none is known yet.</summary>
    public static string? For(AppPage appPage, string caseId, IReadOnlyDictionary<string, string> known)
    {
        if (known.TryGetValue(appPage.Route, out var address))
        {
            return address;
        }

        // Only the case's id, the optional status code of the error page, and page numbers need no link to find.
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["caseId"] = caseId };
        foreach (var name in appPage.Parameters.Where(n => n != "caseId"))
        {
            if (!Regex.IsMatch(appPage.Route, $@"\{{{name}:int\??\}}"))
            {
                return null;
            }

            if (!appPage.Route.Contains($"{{{name}:int?}}", StringComparison.Ordinal))
            {
                values[name] = "1";
            }
        }

        return appPage.AddressWith(values);
    }

    /// <summary>Finds real addresses for routes with ids among the page's links and form actions.</summary>
    public static async Task HarvestAsync(IPage page, IReadOnlyList<AppPage> pages, string caseId, Dictionary<string, string> known)
    {
        var links = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href], form[action], img[src]')].map(e => new URL(e.getAttribute('href') ?? e.getAttribute('action') ?? e.getAttribute('src'), location.href).pathname)");
        foreach (var link in links)
        {
            foreach (var appPage in pages.Where(p => !known.ContainsKey(p.Route) && p.Parameters.Any(n => n != "caseId")))
            {
                var match = appPage.AddressPattern().Match(link);
                if (match.Success && (!match.Groups["caseId"].Success || match.Groups["caseId"].Value == caseId))
                {
                    known[appPage.Route] = link;
                }
            }
        }
    }
}
