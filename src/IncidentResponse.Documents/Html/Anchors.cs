using System.Globalization;
using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Html;

/// <summary>The element ids the contents list links to.</summary>
internal static class Anchors
{
    public static string Section(Section section) => "section-" + section.Id;

    public static string SectionHeading(Section section) => "section-" + section.Id + "-heading";

    public static string Exhibit(ExhibitBlock exhibit) => "exhibit-" + exhibit.Number.ToString(CultureInfo.InvariantCulture);

    public static string ExhibitHeading(ExhibitBlock exhibit) => Exhibit(exhibit) + "-heading";
}
