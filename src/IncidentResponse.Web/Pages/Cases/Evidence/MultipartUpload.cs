using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// Keeps MVC from reading a page's form: the form value providers would buffer an uploaded file to a temp file on disk
/// (over 64 KB) before the handler runs. The page reads the body itself with <see cref="MultipartReader"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DisableFormValueModelBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}

/// <summary>Small helpers for reading a multipart/form-data body section by section.</summary>
public static class MultipartUpload
{
    /// <summary>The most characters a text field may have; longer ones are refused, not cut.</summary>
    public const int TextFieldMaxBytes = 32 * 1024;

    public static MultipartReader? ReaderFor(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            return null;
        }

        return new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
    }

    /// <summary>A text field's value (any NUL left out, as for every form), or null when longer than <see cref="TextFieldMaxBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        var buffer = new byte[TextFieldMaxBytes + 1];
        var read = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read > TextFieldMaxBytes ? null : Security.NulCharacters.Strip(Encoding.UTF8.GetString(buffer, 0, read));
    }

    /// <summary>
    /// The file name a browser sent, kept only as a record: path parts and control characters removed, at most
    /// <paramref name="maxLength"/> characters. Never used as a path.
    /// </summary>
    public static string CleanFileName(string? raw, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        var name = raw.Trim().Trim('"');
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var clean = new string(name.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u200E' or '\u200F')).ToArray()).Trim();
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        // Never cut between the two halves of a surrogate pair (an emoji, say).
        return char.IsHighSurrogate(clean[maxLength - 1]) ? clean[..(maxLength - 1)] : clean[..maxLength];
    }
}
