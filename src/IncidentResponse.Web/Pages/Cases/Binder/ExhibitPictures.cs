using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Pages.Cases.Export;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// The exhibits' pictures, for the print and for the binder's picture pages: a metadata-free copy of a JPEG or PNG
/// (<see cref="MetadataStripper"/>), a PDF's first page drawn by <see cref="PdfFirstPage"/>, or, for an obscured
/// exhibit, only its pixelated copy (<see cref="ObscuredPicture"/>, made with SkiaSharp, so no browser is needed). A
/// withheld exhibit has none. Nothing decrypted touches the disk, and the full picture of an obscured exhibit is wiped
/// from memory once pixelated.
/// </summary>
public sealed class ExhibitPictures(EvidenceService evidence, PdfFirstPage firstPages, CaseReader reader)
{
    /// <summary>Shown, in the picture's place, when a PDF exhibit's first page could not be drawn (a file poppler cannot read).</summary>
    private static readonly byte[] FirstPageNotDrawn = System.Text.Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"1414\" viewBox=\"0 0 1000 1414\">"
        + "<rect x=\"8\" y=\"8\" width=\"984\" height=\"1398\" fill=\"#e6e6e6\" stroke=\"#444\" stroke-width=\"6\" stroke-dasharray=\"24 12\"/>"
        + "<text x=\"500\" y=\"660\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"bold\" text-anchor=\"middle\">The first page of this PDF</text>"
        + "<text x=\"500\" y=\"720\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"bold\" text-anchor=\"middle\">could not be drawn.</text>"
        + "<text x=\"500\" y=\"800\" font-family=\"sans-serif\" font-size=\"36\" text-anchor=\"middle\">The file is in the case's export, exactly as received.</text>"
        + "</svg>");

    /// <summary>Shown, in an obscured picture's place, when the picture could not be decoded to make its pixelated copy.</summary>
    private static readonly byte[] ObscuredNotMade = System.Text.Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"1414\" viewBox=\"0 0 1000 1414\">"
        + "<rect x=\"8\" y=\"8\" width=\"984\" height=\"1398\" fill=\"#e6e6e6\" stroke=\"#444\" stroke-width=\"6\" stroke-dasharray=\"24 12\"/>"
        + "<text x=\"500\" y=\"660\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"bold\" text-anchor=\"middle\">The obscured copy of this picture</text>"
        + "<text x=\"500\" y=\"720\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"bold\" text-anchor=\"middle\">could not be made.</text>"
        + "<text x=\"500\" y=\"800\" font-family=\"sans-serif\" font-size=\"36\" text-anchor=\"middle\">The file is kept exactly as received.</text>"
        + "</svg>");

    /// <summary>What this server can draw: PDF first pages when poppler is installed (obscured pictures always).</summary>
    public BinderPictures Available => new(firstPages.IsAvailable);

    /// <summary>
    /// A picture for the browser-printable view, by the resource name the document uses (<c>exhibit/3</c> for the
    /// metadata-free picture, <c>obscured/3</c> for its pixelated rendering); null when there is none to show.
    /// </summary>
    public async Task<(byte[] Bytes, string ContentType)?> ResourceAsync(Guid caseId, string name, CancellationToken cancellationToken)
    {
        return await ResolveAsync(name, FindAsync, cancellationToken);

        async Task<BinderExhibit?> FindAsync(int number)
        {
            var item = await reader.EvidenceInOrder(caseId).Skip(number - 1).FirstOrDefaultAsync(cancellationToken);
            return item is null ? null : new BinderExhibit(number, item, Redaction.None, null);
        }
    }

    /// <summary>The picture a resource name asks for, among <paramref name="find"/>'s exhibits, as each exhibit's redaction allows.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> ResolveAsync(
        string name, Func<int, Task<BinderExhibit?>> find, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(find);
        if (!ExhibitResources.TryParse(name, out var number, out var obscured) || await find(number) is not { } exhibit)
        {
            return null;
        }

        return await PictureAsync(exhibit, obscured, cancellationToken);
    }

    /// <summary>An exhibit's picture, or its pixelated rendering when <paramref name="obscured"/>; null when it has none to show.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> PictureAsync(BinderExhibit exhibit, bool obscured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exhibit);
        var isPdf = exhibit.Item.Kind == EvidenceKind.Pdf;
        if ((!ExhibitResources.IsPrintable(exhibit.Item.Kind) && !(isPdf && firstPages.IsAvailable)) || exhibit.Problem is not null
            || !ExhibitRedaction.MayServe(exhibit.Redaction, obscured))
        {
            return null;
        }

        if (obscured && !isPdf)
        {
            return await ObscureKeptAsync(exhibit.Item, cancellationToken);
        }

        if (await DrawAsync(exhibit.Item, isPdf, cancellationToken) is not { } drawn)
        {
            return null;
        }

        if (drawn.Bytes is not { } picture)
        {
            // A PDF whose first page could not be drawn says so in the picture's place, obscured or not.
            return isPdf ? (obscured ? ObscuredNotMade : FirstPageNotDrawn, "image/svg+xml") : null;
        }

        return obscured ? await ObscureAsync(picture, cancellationToken) : (picture, drawn.ContentType);
    }

    /// <summary>
    /// The picture itself, decrypted and checked: a JPEG or PNG without its metadata, or a PDF's first page as a PNG.
    /// Null when the file cannot be read as received; no bytes when there was nothing to draw.
    /// </summary>
    private async Task<(byte[]? Bytes, string ContentType)?> DrawAsync(EvidenceItem item, bool isPdf, CancellationToken cancellationToken)
    {
        try
        {
            if (isPdf)
            {
                await using var original = await evidence.OpenOriginalAsync(item, cancellationToken);
                return (await firstPages.DrawAsync(original, cancellationToken), "image/png");
            }

            return (await evidence.PreviewAsync(item, cancellationToken), item.KindInfo.MediaType);
        }
        catch (Exception exception) when (exception is EvidenceIntegrityException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The pixelated copy of a kept JPEG or PNG, made from its metadata-free copy in a borrowed buffer (wiped and given
    /// back here): the police preset obscures every picture, and none of them needs a fresh picture-sized array (issue 19).
    /// Null when the file cannot be read as received.
    /// </summary>
    private async Task<(byte[] Bytes, string ContentType)?> ObscureKeptAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        PooledPicture? picture;
        try
        {
            picture = await evidence.PreviewPooledAsync(item, cancellationToken);
        }
        catch (Exception exception) when (exception is EvidenceIntegrityException or IOException)
        {
            return null;
        }

        if (picture is null)
        {
            return null;
        }

        using (picture)
        {
            return Served(await PictureThreads.RunAsync(() => ObscuredPicture.Make(picture.OpenRead()), cancellationToken));
        }
    }

    /// <summary>
    /// The pixelated copy of a picture (a PDF's first page), made on <see cref="PictureThreads"/> like every obscured
    /// copy, or a box saying it could not be made; the full picture is wiped from memory whatever happens.
    /// </summary>
    private static async Task<(byte[] Bytes, string ContentType)> ObscureAsync(byte[] picture, CancellationToken cancellationToken)
    {
        try
        {
            return Served(await PictureThreads.RunAsync(() => ObscuredPicture.Make(picture), cancellationToken));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(picture);
        }
    }

    /// <summary>The pixelated picture as a PNG, or the box saying it could not be made.</summary>
    private static (byte[] Bytes, string ContentType) Served(byte[]? blocky) =>
        blocky is not null ? (blocky, "image/png") : (ObscuredNotMade, "image/svg+xml");
}
