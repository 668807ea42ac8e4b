using System.Net.Sockets;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IncidentResponse.Web.Hosting;

/// <summary>Recognises the exceptions that mean "the database cannot be reached just now", as opposed to a bug.</summary>
public static class DatabaseFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Retries exhausted on a failure the provider itself called transient.
                case RetryLimitExceededException:
                    return true;
                case PostgresException postgres when postgres.IsTransient
                    || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                    return true;
                case PostgresException:
                    // The server answered with an error of its own (a constraint, a bug): not an outage.
                    return false;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked:
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}

/// <summary>
/// What the app does while the database cannot be reached. A request whose session could not be checked is marked here
/// (<see cref="Accounts.SessionStore.ValidatePrincipalAsync"/>), and <see cref="DatabaseUnavailableFilter"/> then runs no
/// handler for it.
/// </summary>
public static class DatabaseOutage
{
    public const string ViewDataKey = "DatabaseUnavailable";

    // Its words are SharedText's Outage.Heading and Outage.Text (the layout shows them).

    private static readonly object SessionUnverifiedKey = new();

    public static void MarkSessionUnverified(HttpContext context) => context.Items[SessionUnverifiedKey] = true;

    public static bool IsSessionUnverified(HttpContext context) => context.Items.ContainsKey(SessionUnverifiedKey);
}

/// <summary>
/// A page whose posted values are not model bound (the evidence upload reads its own multipart body) puts them back
/// into its model here, so a page shown again after a database failure still holds what was typed. False: the post
/// was not one the page accepts (400).
/// </summary>
public interface IRestoresPostedInput
{
    Task<bool> RestorePostedInputAsync();
}

/// <summary>
/// Marks a page that can be shown again, from its posted values alone, without reading the database. After a
/// database failure such a page comes back with what was typed and the "could not save" note; any other page's post
/// gets the "could not save" page, which keeps every posted value in a form that sends them again.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShownAgainWhenDatabaseUnavailableAttribute : Attribute;

/// <summary>
/// Marks a page that must work even when the session cannot be checked (quick exit): its handler runs and copes with
/// the database itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsWhileDatabaseUnavailableAttribute : Attribute;

/// <summary>
/// The app-wide answer to a database that cannot be reached: the outermost page filter. It turns a database-unavailable
/// exception from any handler or inner filter (membership, step-up) into status 503 and a kind page; a GET gets the
/// error page, a post gets its form back with what was typed. No stack trace, no posted value is logged.
/// </summary>
public sealed partial class DatabaseUnavailableFilter(ILogger<DatabaseUnavailableFilter> logger) : IAsyncPageFilter
{
    public const string CouldNotSaveView = "/Pages/Shared/_CouldNotSave.cshtml";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (DatabaseOutage.IsSessionUnverified(context.HttpContext)
            && !context.HandlerInstance.GetType().IsDefined(typeof(RunsWhileDatabaseUnavailableAttribute), inherit: false))
        {
            // The session could not be checked: no handler runs for it. Only the person's own post is shown back.
            LogUnavailable(logger, "session check");
            context.Result = await UnavailableAsync(context.HandlerInstance, context.HttpContext);
            return;
        }

        var executed = await next();
        if (executed.Exception is DbUpdateException && !executed.ExceptionHandled
            && await context.HttpContext.RequestServices.GetRequiredService<SubmissionGuard>().WinnerAsync(context.HttpContext.RequestAborted) is { } winner)
        {
            // The same form was posted twice at once and the other post saved first: lead to what it created.
            LogDuplicate(logger);
            executed.ExceptionHandled = true;
            executed.Result = new RedirectResult(winner);
            return;
        }

        if (executed.Exception is { } exception && !executed.ExceptionHandled && DatabaseFaults.IsUnavailable(exception))
        {
            LogUnavailable(logger, exception.GetType().Name);
            executed.ExceptionHandled = true;
            executed.Result = await UnavailableAsync(context.HandlerInstance, context.HttpContext);
        }
    }

    private static async Task<IActionResult> UnavailableAsync(object handler, HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            // Re-executed as /error/503 by the status code pages: nothing to keep, nothing of the case to show.
            return new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
        }

        if (handler is IRestoresPostedInput restores && !await restores.RestorePostedInputAsync())
        {
            return new BadRequestResult();
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (handler is PageModel page && page.GetType().IsDefined(typeof(ShownAgainWhenDatabaseUnavailableAttribute), inherit: false))
        {
            page.ViewData[DatabaseOutage.ViewDataKey] = true;
            return new PageResult();
        }

        var model = await CouldNotSaveModel.FromAsync(http);
        var viewData = handler is PageModel other ? other.ViewData : new ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), new());
        viewData[DatabaseOutage.ViewDataKey] = true;
        viewData["Title"] = "Could not save";
        return new ViewResult
        {
            ViewName = CouldNotSaveView,
            ViewData = new ViewDataDictionary<CouldNotSaveModel>(viewData, model),
            StatusCode = StatusCodes.Status503ServiceUnavailable,
        };
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "A form posted twice at once was saved once; the second post was led to the first")]
    private static partial void LogDuplicate(ILogger logger);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Database unavailable ({Where}); the person was asked to try again")]
    private static partial void LogUnavailable(ILogger logger, string where);
}

/// <summary>The posted form, to be sent again as it was (passphrases are never sent back to the browser).</summary>
public sealed record CouldNotSaveModel(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, bool CanResend)
{
    public static async Task<CouldNotSaveModel> FromAsync(HttpContext http)
    {
        var action = http.Request.Path + http.Request.QueryString;
        if (!http.Request.HasFormContentType
            || !string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            // A multipart post is not read again here (it could hold a file); the page says to go back instead.
            return new CouldNotSaveModel(action, [], false);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var fields = form
            .Where(f => !f.Key.Contains("passphrase", StringComparison.OrdinalIgnoreCase) && !f.Key.Contains("password", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
        return new CouldNotSaveModel(action, fields, true);
    }
}
