using IncidentResponse.Documents.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentResponse.Documents.Html;

/// <summary>
/// Turns a <see cref="DocumentModel"/> into one self-contained HTML page with print CSS, using Razor components
/// rendered in process (no web server, no JavaScript). Every text is HTML-escaped by Razor. Pictures are referenced
/// under <see cref="DocumentResources.Origin"/>, never inlined, so their bytes reach only the printer.
/// </summary>
public sealed class DocumentHtmlRenderer
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();
    private readonly ILoggerFactory _loggerFactory;

    public DocumentHtmlRenderer(ILoggerFactory? loggerFactory = null)
    {
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public async Task<string> RenderAsync(DocumentModel document, PaperSize paper = PaperSize.A4, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();

        await using var renderer = new HtmlRenderer(NoServices, _loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DocumentView.Document)] = document,
                [nameof(DocumentView.PaperSize)] = paper,
            });
            var output = await renderer.RenderComponentAsync<DocumentView>(parameters);
            return output.ToHtmlString();
        });
    }
}
