using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IncidentResponse.Web.Languages;

/// <summary>
/// The languages the app speaks (ADR 0030): every word a page shows comes from a resource file of its feature folder,
/// in English, Spanish and French. The language is the one the person chose (a strictly necessary cookie, set from
/// their account when they sign in), else their browser's, else English. A pseudo-language, on in development and
/// tests, shows every resource accented so a page walk can find any word that did not come through a resource.
/// </summary>
public static class AppLanguages
{
    public const string English = "en";

    /// <summary>The pseudo-language: English with every letter accented and the whole wrapped, made as it is read.</summary>
    public const string PseudoLocale = IncidentResponse.Domain.PseudoText.Culture;

    /// <summary>The strictly necessary cookie that remembers the choice on this browser (cleared by Quick exit).</summary>
    public const string CookieName = "ir-lang";

    /// <summary>The languages a person can choose, each named in itself, in the order the language links show them.</summary>
    public static IReadOnlyList<(string Code, string Name)> Choices { get; } =
    [
        (English, "English"),
        ("es", "Español"),
        ("fr", "Français"),
    ];

    public static bool IsChoice(string? code) => code is not null && Choices.Any(c => c.Code == code);

    public static bool IsPseudo(CultureInfo culture) => culture.Name == PseudoLocale;

    /// <summary>
    /// The language of the request being served, as a choice's code ("en", "es", "fr"): what the language links and
    /// the account remember. The pseudo-language counts as English.
    /// </summary>
    public static string Current => Choices.FirstOrDefault(c => c.Code == CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Code ?? English;

    /// <summary>
    /// The language chosen with a language link on this browser (its cookie), or null when the page's language came
    /// from the browser's own settings: only a choice is remembered on an account, so a device set to another language
    /// keeps speaking it until the person chooses.
    /// </summary>
    public static string? ChosenHere(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IRequestCultureFeature>() is { Provider: CookieRequestCultureProvider } feature
            && IsChoice(feature.RequestCulture.UICulture.Name)
            ? feature.RequestCulture.UICulture.Name
            : null;
    }

    /// <summary>The page's <c>lang</c>: the language it is shown in.</summary>
    public static string HtmlLang => CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : English;

    public static IServiceCollection AddLanguages(this IServiceCollection services, AppOptions options)
    {
        services.AddLocalization();
        // Letters beyond ASCII written as themselves ("Español", not "Espa&#xF1;ol"); what HTML needs escaped still is.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Every IStringLocalizer (and so every IHtmlLocalizer, which reads through one) comes through this factory.
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, PseudoLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            var cultures = Choices.Select(c => new CultureInfo(c.Code)).ToList();
            if (options.PseudoLocale)
            {
                cultures.Add(new CultureInfo(PseudoLocale));
            }

            localization.DefaultRequestCulture = new RequestCulture(English);
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            localization.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieNameFor(options) },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The cookie that remembers <paramref name="code"/> on this browser for a year.</summary>
    public static void Remember(HttpResponse response, string code, AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        response.Cookies.Append(
            CookieNameFor(options),
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = options.CookiesRequireHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
    }

    /// <summary>The cookie's name: with the <c>__Host-</c> prefix wherever cookies require HTTPS.</summary>
    public static string CookieNameFor(AppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CookiesRequireHttps ? "__Host-" + CookieName : CookieName;
    }

    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app) =>
        app.UseRequestLocalization(app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
}
