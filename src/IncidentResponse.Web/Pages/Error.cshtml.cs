using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages;

/// <summary>
/// The one page for every error and status code. It never shows details of the request or the exception, and
/// answers any method, because errors are re-executed with the method of the request that failed.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[RunsWhileDatabaseUnavailable]
public sealed class ErrorModel(IStringLocalizer<SiteText> text) : PageModel
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
        var key = status switch
        {
            StatusCodes.Status400BadRequest => "400",
            StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound => "404",
            StatusCodes.Status405MethodNotAllowed => "405",
            StatusCodes.Status413PayloadTooLarge => "413",
            StatusCodes.Status503ServiceUnavailable => "503",
            StatusCodes.Status429TooManyRequests when HttpContext.Items.ContainsKey(FairPrinting.StillPrintingItem) => "Printing",
            StatusCodes.Status429TooManyRequests => "429",
            _ => "500",
        };
        // 405 says the same as 400 at its head.
        Heading = text[$"Error.{(key == "405" ? "400" : key)}.Heading"];
        Explanation = text[$"Error.{key}.Text"];
    }
}
