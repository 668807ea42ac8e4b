using System.Text;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Takes the NUL character (U+0000) out of what a person sends, before anything reads it. Nobody means to type one; it
/// arrives with pasted text. Left in, ASP.NET Core's form reader refuses the whole form (a 400 that loses everything
/// typed) and PostgreSQL refuses it in any text column or query parameter (a 500). Stripped here, the form is read,
/// validated and shown again with what was typed, like any other.
/// </summary>
public static class NulCharacters
{
    /// <summary>The text with every NUL left out (the same instance when there is none).</summary>
    public static string Strip(string value) => value.Contains('\0') ? value.Replace("\0", "", StringComparison.Ordinal) : value;
}

/// <summary>Strips <c>%00</c> (and raw NUL bytes) from query strings and URL-encoded form bodies.</summary>
public sealed class NulCharacterFilter(RequestDelegate next, AppOptions options)
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.Value is { } query && HasEncodedNul(query))
        {
            request.QueryString = new QueryString(RemoveEncodedNul(query));
        }

        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase) == true)
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxFormBodyBytes;
            await StripFormBodyAsync(request, limit, context.RequestAborted);
        }

        await next(context);
    }

    /// <summary>
    /// Reads the URL-encoded body (at most the form limit, which <see cref="RequestSizeGuard"/> and the server enforce
    /// before this runs) and puts back the same bytes with every <c>%00</c> and raw NUL left out.
    /// </summary>
    private static async Task StripFormBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BadHttpRequestException("The form is larger than allowed.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var cleaned = HasNul(body) ? Clean(body) : body;
        request.Body = new MemoryStream(cleaned, writable: false);
        request.ContentLength = cleaned.Length;
    }

    private static bool HasNul(byte[] body)
    {
        var span = body.AsSpan();
        return span.Contains((byte)0) || span.IndexOf("%00"u8) >= 0;
    }

    private static byte[] Clean(byte[] body)
    {
        var output = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                continue;
            }

            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }

            output.Add(body[i]);
        }

        return [.. output];
    }

    private static bool HasEncodedNul(string query) => query.Contains("%00", StringComparison.Ordinal) || query.Contains('\0');

    private static string RemoveEncodedNul(string query) =>
        new StringBuilder(query).Replace("%00", "").Replace("\0", "").ToString();
}
