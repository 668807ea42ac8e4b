using System.Globalization;
using System.Resources;

namespace IncidentResponse.Domain;

/// <summary>
/// Words the domain itself shows a person (the plan's steps, the questions), from a <c>.resx</c> beside the class that
/// owns them, in the language of the request being served (<see cref="CultureInfo.CurrentUICulture"/>, set by the web
/// app): its own language where the file has one, English otherwise, and in the pseudo-language the English accented
/// (ADR 0030). Never used for what is stored, hashed or signed: those stay in one language whoever reads them.
/// </summary>
public static class Localized
{
    public static string Text(ResourceManager resources, string key)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var culture = CultureInfo.CurrentUICulture;
        var pseudo = culture.Name == PseudoText.Culture;
        var text = resources.GetString(key, pseudo ? CultureInfo.InvariantCulture : culture)
            ?? throw new KeyNotFoundException($"No text \"{key}\" in {resources.BaseName}.");
        return pseudo ? PseudoText.Of(text) : text;
    }

    /// <summary><see cref="Text"/> with its placeholders filled, numbers and dates in the culture being served.</summary>
    public static string Format(ResourceManager resources, string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Text(resources, key), arguments);
}
