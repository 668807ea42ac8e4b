using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace IncidentResponse.Documents.Pdf;

/// <summary>The document's requests: only its own capability's resources leave the browser, for the picture server.</summary>
public sealed partial class ChromiumPdfPrinter
{
    /// <summary>
    /// Lets a GET under <paramref name="prefix"/> (this print's capability on the loopback picture server) through and
    /// aborts every other request before it leaves the browser, recording its address: another host, another port,
    /// another path on the same server, another method.
    /// </summary>
    private static Task FilterAsync(IRoute route, string prefix, ConcurrentQueue<string> blocked)
    {
        var url = route.Request.Url;
        if (route.Request.Method == "GET" && url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return route.ContinueAsync();
        }

        blocked.Enqueue(url);
        return route.AbortAsync("blockedbyclient");
    }
}
