using System.Globalization;

namespace IncidentResponse.Documents.Html;

/// <summary>How times and sizes read in a document: the same for every reader, whatever the server's culture.</summary>
public static class Formats
{
    public static string Utc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Size(long bytes)
    {
        var exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
        return bytes switch
        {
            < 1024 => exact,
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB ({exact})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB ({exact})"),
        };
    }
}
