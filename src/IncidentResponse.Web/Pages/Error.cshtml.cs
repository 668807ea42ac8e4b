using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages;

/// <summary>
/// The one page for every error and status code. It never shows details of the request or the exception, and
/// answers any method, because errors are re-executed with the method of the request that failed.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[RunsWhileDatabaseUnavailable]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? Response.StatusCode;
        if (status < 400)
        {
            status = StatusCodes.Status500InternalServerError;
        }

        Response.StatusCode = status;
        (Heading, Explanation) = status switch
        {
            StatusCodes.Status400BadRequest => ("That didn't go through",
                "Something about that request wasn't right, often because the page had been open a long time. Go back, reload the page and try again."),
            StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound => ("We can't find that page",
                "The address may be mistyped, or the page isn't available to you. Nothing has been changed."),
            StatusCodes.Status405MethodNotAllowed => ("That didn't go through", "Please go back and use the buttons on the page."),
            StatusCodes.Status413PayloadTooLarge => ("That was too large to send",
                "What you sent was bigger than we can accept in one go, so nothing was saved. Go back and try a shorter text or a smaller file."),
            StatusCodes.Status503ServiceUnavailable => ("We can't open this just now",
                "Nothing has been changed or lost. Please try again in a moment."),
            StatusCodes.Status429TooManyRequests when HttpContext.Items.ContainsKey(FairPrinting.StillPrintingItem) => ("We're still making your last document",
                "Your last document is still being made, so this one hasn't started yet. Nothing is lost: wait for that one to arrive, then ask again."),
            StatusCodes.Status429TooManyRequests => ("Please wait a minute",
                "There have been a lot of attempts from here in a short time. Wait a minute, then try again."),
            _ => ("Something went wrong on our side",
                "We couldn't finish that. Please go back and try again in a moment. If it keeps happening, it is our fault, not yours."),
        };
    }
}
