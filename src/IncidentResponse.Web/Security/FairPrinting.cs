
namespace IncidentResponse.Web.Security;

/// <summary>What a person can have printing at once.</summary>
public enum PrintKind
{
    Binder,
    LetterPdf,
}

/// <summary>
/// Fair printing: Chromium prints a few documents at a time for the whole app, so one person's binders and letter PDFs
/// must not fill it. Each person may have <see cref="BindersAtOnce"/> binder and <see cref="LettersAtOnce"/> letter
/// PDFs printing at a time on this instance; the next one is answered with a kind "still making your last document"
/// page (429) instead of queueing behind their own. Letter PDFs also have a per-person rate limit
/// (<see cref="RateLimits.LetterPdfs"/>). Register as a singleton.
/// </summary>
public sealed class FairPrinting
{
    public const int BindersAtOnce = 1;
    public const int LettersAtOnce = 2;

    /// <summary>Set on a 429 answer so the error page says "still making your last document".</summary>
    public const string StillPrintingItem = "IncidentResponse.StillPrinting";

    private readonly Dictionary<(Guid UserId, PrintKind Kind), int> _printing = [];

    /// <summary>A slot for one document, released by disposing it; null when this person already has enough printing.</summary>
    public IDisposable? TryStart(Guid userId, PrintKind kind)
    {
        var limit = kind == PrintKind.Binder ? BindersAtOnce : LettersAtOnce;
        lock (_printing)
        {
            var now = _printing.GetValueOrDefault((userId, kind));
            if (now >= limit)
            {
                return null;
            }

            _printing[(userId, kind)] = now + 1;
        }

        return new Slot(this, userId, kind);
    }

    /// <summary>The answer when a person asks for another document while their last ones are still printing.</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult StillPrinting(HttpContext http)
    {
        http.Items[StillPrintingItem] = true;
        return new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    private void Release(Guid userId, PrintKind kind)
    {
        lock (_printing)
        {
            var left = _printing.GetValueOrDefault((userId, kind)) - 1;
            if (left <= 0)
            {
                _printing.Remove((userId, kind));
            }
            else
            {
                _printing[(userId, kind)] = left;
            }
        }
    }

    private sealed class Slot(FairPrinting owner, Guid userId, PrintKind kind) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(userId, kind);
            }
        }
    }
}
