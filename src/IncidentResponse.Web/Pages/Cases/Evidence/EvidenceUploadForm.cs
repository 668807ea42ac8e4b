using IncidentResponse.Domain.Evidence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// The body of the form that adds a file, read section by section as it arrives: nothing is model bound and nothing is
/// buffered to disk (IFormFile would spill to a temp file). The form puts its antiforgery token first, and it is
/// checked before any other part of the body is read; the file is streamed into the vault as it is read.
/// </summary>
public sealed class EvidenceUploadForm
{
    /// <summary>The name of the form's one file input.</summary>
    public const string FileField = "File";

    private const int MaxFields = 16;

    private readonly MultipartReader _reader;

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    private EvidenceUploadForm(MultipartReader reader) => _reader = reader;

    /// <summary>The text fields read so far, by name.</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The body, once its first section is checked to be a valid antiforgery token; null when it is not.</summary>
    public static async Task<EvidenceUploadForm?> OpenAsync(
        HttpContext context, IAntiforgery antiforgery, AntiforgeryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(options);
        var reader = MultipartUpload.ReaderFor(context.Request);
        return reader is not null && await IsAntiforgeryTokenFirstAndValidAsync(reader, context, antiforgery, options, cancellationToken)
            ? new EvidenceUploadForm(reader)
            : null;
    }

    /// <summary>
    /// Reads the rest of the body. Text fields are kept (one too long is refused, not cut, with the message
    /// <paramref name="tooLong"/> in <paramref name="modelState"/>, and the others are still read). The one file is received into the vault by
    /// <paramref name="receiver"/>, unless <paramref name="keptBefore"/>, given the fields before it (the form puts the
    /// file first), says where the same form's file was kept before; then nothing more is read.
    /// </summary>
    public async Task<EvidenceUpload> ReadAsync(
        EvidenceReceiver receiver,
        Guid caseId,
        Func<IReadOnlyDictionary<string, string>, Task<string?>> keptBefore,
        ModelStateDictionary modelState,
        string tooLong,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(keptBefore);
        ArgumentNullException.ThrowIfNull(modelState);
        var upload = new EvidenceUpload();
        try
        {
            for (var section = await _reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await _reader.ReadNextSectionAsync(cancellationToken))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return upload.Malformed();
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (name != FileField || upload.FileChosen)
                    {
                        return upload.Malformed();
                    }

                    if (await keptBefore(_fields) is { } done)
                    {
                        return upload.KeptAt(done);
                    }

                    await upload.ReceiveAsync(receiver, caseId, disposition, section.Body, cancellationToken);
                    continue;
                }

                var value = await MultipartUpload.ReadTextAsync(section, cancellationToken);
                if (value is null)
                {
                    // Refused, not cut; the other fields are still read, so what was typed in them is kept.
                    modelState.AddModelError(name.StartsWith("Input.", StringComparison.Ordinal) ? name : "Input", tooLong);
                    continue;
                }

                if (_fields.Count >= MaxFields)
                {
                    return upload.Malformed();
                }

                _fields.TryAdd(name, value);
            }

            return upload;
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// After a database failure: the text fields still unread are read, and the file is passed over unread (the reader
    /// drains it; nothing of it is kept).
    /// </summary>
    public async Task ReadTextFieldsLeftAsync(CancellationToken cancellationToken)
    {
        for (var section = await _reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await _reader.ReadNextSectionAsync(cancellationToken))
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.IsFileDisposition())
            {
                continue;
            }

            if (_fields.Count < MaxFields && await MultipartUpload.ReadTextAsync(section, cancellationToken) is { } value)
            {
                _fields.TryAdd(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", value);
            }
        }
    }

    /// <summary>
    /// The first section must be the antiforgery token. It is checked through the request-header route of
    /// <see cref="IAntiforgery"/>, which then never reads the form (reading it would buffer the file to disk).
    /// </summary>
    private static async Task<bool> IsAntiforgeryTokenFirstAndValidAsync(
        MultipartReader reader, HttpContext context, IAntiforgery antiforgery, AntiforgeryOptions options, CancellationToken cancellationToken)
    {
        var first = await reader.ReadNextSectionAsync(cancellationToken);
        if (first is null
            || !ContentDispositionHeaderValue.TryParse(first.ContentDisposition, out var disposition)
            || !disposition.IsFormDisposition()
            || HeaderUtilities.RemoveQuotes(disposition.Name).Value != options.FormFieldName
            || options.HeaderName is null)
        {
            return false;
        }

        var token = await MultipartUpload.ReadTextAsync(first, cancellationToken);
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        context.Request.Headers[options.HeaderName] = token;
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}

/// <summary>
/// What the form's body brought: the file received into the vault (not yet kept) or refused, with the name it was sent
/// under. Disposing it without keeping the file deletes what was received.
/// </summary>
public sealed class EvidenceUpload : IAsyncDisposable
{
    /// <summary>The body is not the form this page sends (a part that is not a form field, a second file, too many fields).</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Where this same form's file was kept before (a double click, or a retry of one whose answer was lost).</summary>
    public string? KeptBefore { get; private set; }

    public bool FileChosen { get; private set; }

    /// <summary>The file's name as the browser sent it, cleaned, kept only as a record; empty when none was sent.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The file sealed into a pending blob, to keep; null when none was sent or it was refused.</summary>
    public ReceivedEvidence? Received { get; private set; }

    /// <summary>Why the file was not received; null when it was (or none was sent).</summary>
    public EvidenceRefusal? Refusal { get; private set; }

    public ValueTask DisposeAsync() => Received?.DisposeAsync() ?? ValueTask.CompletedTask;

    internal EvidenceUpload Malformed()
    {
        IsMalformed = true;
        return this;
    }

    internal EvidenceUpload KeptAt(string address)
    {
        KeptBefore = address;
        return this;
    }

    /// <summary>
    /// Receives the file. The rest of a refused file is passed over unread (the reader drains it, within the request's
    /// size limit), so the description fields after it are still kept.
    /// </summary>
    internal async Task ReceiveAsync(EvidenceReceiver receiver, Guid caseId, ContentDispositionHeaderValue disposition, Stream content, CancellationToken cancellationToken)
    {
        FileChosen = true;
        FileName = MultipartUpload.CleanFileName(
            HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value,
            EvidenceItem.OriginalFileNameMaxLength);
        var intake = await receiver.ReceiveAsync(caseId, content, cancellationToken);
        Received = intake.Received;
        Refusal = intake.Refusal;
    }
}
