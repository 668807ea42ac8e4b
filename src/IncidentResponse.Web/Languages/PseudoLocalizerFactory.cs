using System.Globalization;
using IncidentResponse.Domain;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Languages;

/// <summary>
/// The framework's resource localizers, except in the pseudo-language (<see cref="AppLanguages.PseudoLocale"/>), where
/// each English text is shown accented and bracketed (<c>[Ŷóú ŝîĝñéð îñ]</c>) so that a page walk can tell every word
/// that came through a resource from every word that did not. Markup (<c>&lt;strong&gt;</c>), entities
/// (<c>&amp;amp;</c>) and placeholders (<c>{0}</c>) are kept as they are.
/// </summary>
public sealed class PseudoLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Shown(inner[name]);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                if (!AppLanguages.IsPseudo(CultureInfo.CurrentUICulture))
                {
                    return inner[name, arguments];
                }

                var format = inner[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, PseudoText.Of(format.Value), arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            inner.GetAllStrings(includeParentCultures).Select(Shown);

        private static LocalizedString Shown(LocalizedString found) =>
            AppLanguages.IsPseudo(CultureInfo.CurrentUICulture) && !found.ResourceNotFound
                ? new LocalizedString(found.Name, PseudoText.Of(found.Value), resourceNotFound: false, found.SearchedLocation)
                : found;
    }
}
