using System.Globalization;

namespace IncidentResponse.Domain.Tests;

/// <summary>Reads something as a request in <c>language</c> would (its culture and UI culture, as the web app sets them).</summary>
internal static class InLanguage
{
    public static T Read<T>(string language, Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
