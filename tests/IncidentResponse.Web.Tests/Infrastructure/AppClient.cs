using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>A browser-like HTTP client: keeps cookies, reads pages, fills and submits their forms (with the token).</summary>
public sealed class AppClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The Cookie header this client would send, as someone who copied it could replay it.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(Http.BaseAddress!);

    public async Task<PageResult> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await PageResult.ReadAsync(response);
    }

    /// <summary>Opens <paramref name="pageUrl"/>, fills the form (the first post form, or the one whose action matches), submits it.</summary>
    public async Task<PageResult> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, string> fields, string? formAction = null)
    {
        var (action, values) = await FormAsync(pageUrl, fields, formAction);
        return await PostAsync(action, values);
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/> and fills its form as <see cref="SubmitAsync"/> does, without sending it: the
    /// address and values a browser would post (token and hidden fields included), to send once or many times.
    /// </summary>
    public async Task<(string Action, Dictionary<string, string> Values)> FormAsync(string pageUrl, IReadOnlyDictionary<string, string> fields, string? formAction = null)
    {
        var page = await GetAsync(pageUrl);
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.Status}; cannot submit its form.");
        }

        return FormOf(page, pageUrl, fields, formAction);
    }

    /// <summary>
    /// Fills the form of a page already fetched (for example one a post answered with), as <see cref="FormAsync"/>
    /// does, and sends it: a step of a form that spans several screens.
    /// </summary>
    public async Task<PageResult> SubmitOnAsync(PageResult page, string pageUrl, IReadOnlyDictionary<string, string> fields)
    {
        var (action, values) = FormOf(page, pageUrl, fields, null);
        return await PostAsync(action, values);
    }

    private static (string Action, Dictionary<string, string> Values) FormOf(PageResult page, string pageUrl, IReadOnlyDictionary<string, string> fields, string? formAction)
    {
        // By default the page's own form in <main>; the header's sign-out form only when asked for by its action.
        var scope = formAction is null ? page.Document.QuerySelectorAll("main form") : page.Document.QuerySelectorAll("form");
        var form = scope
            .OfType<IHtmlFormElement>()
            .First(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
                && (formAction is null || (f.GetAttribute("action") ?? "").Contains(formAction, StringComparison.Ordinal)));
        // What a browser would send: every named field's current value, checked choices only, no buttons.
        var current = form.QuerySelectorAll("input, textarea, select")
            .Where(e => e.GetAttribute("name") is not null)
            .Where(e => e.LocalName != "input" || (e.GetAttribute("type") ?? "text") switch
            {
                "submit" or "button" or "reset" or "file" => false,
                "radio" or "checkbox" => e.HasAttribute("checked"),
                _ => true,
            })
            .Select(e => (Name: e.GetAttribute("name")!, Value: e.LocalName switch
            {
                "textarea" => e.TextContent.StartsWith('\n') ? e.TextContent[1..] : e.TextContent,
                "select" => (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => e.GetAttribute("value") ?? (e.GetAttribute("type") == "checkbox" ? "on" : ""),
            }));
        var values = current.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? pageUrl : action, values);
    }

    public async Task<PageResult> PostAsync(string url, IReadOnlyDictionary<string, string> values)
    {
        using var content = new FormUrlEncodedContent(values);
        using var response = await Http.PostAsync(url, content);
        return await PageResult.ReadAsync(response);
    }

    /// <summary>A token for posting forms on this client's behalf (antiforgery tokens are per person, not per form).</summary>
    public async Task<string> AntiforgeryTokenAsync(string fromPage = "/")
    {
        var page = await GetAsync(fromPage);
        return page.Document.QuerySelector("input[name=__rvt]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {fromPage}.");
    }

    public void Dispose() => Http.Dispose();

    public sealed record PageResult(HttpStatusCode Status, string Html, IDocument Document, Uri? Location, HttpResponseMessage Response)
    {
        public static async Task<PageResult> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await Parser.ParseDocumentAsync(html);
            return new PageResult(response.StatusCode, html, document, response.Headers.Location, response);
        }

        public string Title => Document.Title ?? "";

        public string MainText => Document.QuerySelector("main")?.TextContent ?? "";

        public string? FieldValue(string name) => Document.QuerySelector($"[name='{name}']")?.GetAttribute("value");

        public string FieldError(string name) =>
            Document.QuerySelector($"[id='{name.Replace('.', '_')}-error']")?.TextContent.Trim() ?? "";

        public string Header(string name) =>
            Response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : Response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
            : "";
    }
}
