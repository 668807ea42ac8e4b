using System.Globalization;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Documents.Binder;

/// <summary>
/// Which exhibits the binder draws as a picture, and the names their pictures have in the document
/// (<c>exhibit/3</c> for the metadata-free picture, <c>obscured/3</c> for its pixelated rendering).
/// </summary>
public static class ExhibitResources
{
    public const string ExhibitPrefix = "exhibit/";
    public const string ObscuredPrefix = "obscured/";

    /// <summary>Whether a kind is printed as a picture: only those whose metadata can be removed.</summary>
    public static bool IsPrintable(EvidenceKind kind) => MetadataStripper.Supports(kind);

    /// <summary>Whether the binder can draw a picture of this kind of file (a picture, or a PDF's first page).</summary>
    public static bool IsDrawn(EvidenceKind kind) => IsPrintable(kind) || kind == EvidenceKind.Pdf;

    public static string ResourceName(BinderExhibit exhibit, bool obscured)
    {
        ArgumentNullException.ThrowIfNull(exhibit);
        return (obscured ? ObscuredPrefix : ExhibitPrefix) + exhibit.Number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a resource name is an exhibit's picture or its obscured rendering.</summary>
    public static bool IsPicture(string name) =>
        name.StartsWith(ExhibitPrefix, StringComparison.Ordinal) || name.StartsWith(ObscuredPrefix, StringComparison.Ordinal);

    /// <summary>Reads a resource name back: the exhibit's number (1 or more) and whether the obscured rendering is asked for.</summary>
    public static bool TryParse(string name, out int number, out bool obscured)
    {
        ArgumentNullException.ThrowIfNull(name);
        obscured = name.StartsWith(ObscuredPrefix, StringComparison.Ordinal);
        var numberText = obscured ? name[ObscuredPrefix.Length..] : name.StartsWith(ExhibitPrefix, StringComparison.Ordinal) ? name[ExhibitPrefix.Length..] : "";
        return int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1;
    }
}
