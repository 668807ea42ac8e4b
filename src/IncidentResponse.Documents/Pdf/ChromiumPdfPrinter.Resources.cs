using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace IncidentResponse.Documents.Pdf;

/// <summary>The document's requests: only its own resources are answered, from the caller, a few at a time.</summary>
public sealed partial class ChromiumPdfPrinter
{
    private static async Task AnswerAsync(
        IRoute route,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        SemaphoreSlim answering,
        StrongBox<int> handedOver,
        ConcurrentQueue<string> served,
        ConcurrentQueue<string> blocked,
        ConcurrentQueue<Exception> failures,
        CancellationToken cancellationToken)
    {
        var url = route.Request.Url;
        if (!DocumentResources.TryGetResourceName(url, out var name) || route.Request.Method != "GET")
        {
            blocked.Enqueue(url);
            await route.AbortAsync("blockedbyclient");
            return;
        }

        served.Enqueue(name);
        // From reading the picture until the browser has it: the picture and its copies on the way live only this long.
        await answering.WaitAsync(cancellationToken);
        try
        {
            (byte[] Bytes, string ContentType)? resource;
            try
            {
                resource = await resolveResource(name, cancellationToken);
            }
            catch (Exception exception)
            {
                // Playwright swallows a route handler's exception and the page would wait for the picture until it times out.
                failures.Enqueue(exception);
                await route.AbortAsync("failed");
                return;
            }

            if (resource is not { } found)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, ContentType = "text/plain", Body = "" });
                return;
            }

            await HandOverAsync(route, found, handedOver, failures);
        }
        finally
        {
            answering.Release();
        }
    }

    private static async Task HandOverAsync(
        IRoute route, (byte[] Bytes, string ContentType) found, StrongBox<int> handedOver, ConcurrentQueue<Exception> failures)
    {
        try
        {
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = found.ContentType,
                BodyBytes = found.Bytes,
                Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
            });

            // Counted as handed over, not as asked for: the browser asks for every picture at once.
            if (Interlocked.Increment(ref handedOver.Value) % CollectEvery == 0)
            {
                CollectLargeGarbage();
            }
        }
        catch (Exception exception) when (exception is not PlaywrightException)
        {
            // Not handing the picture over (out of memory under a heap limit, say) must fail the print at once;
            // swallowed by Playwright, it would leave the page waiting for the picture until the render timeout.
            failures.Enqueue(exception);
            await route.AbortAsync("failed");
        }
    }
}
