using IncidentResponse.Domain.Incidents;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>
/// The places pages' names for what the domain keeps in English (kinds of entry, why an address was skipped or a
/// re-check refused), in the language of the request; statuses and sites are named by the domain's own page members
/// (<see cref="SightingStatusRules.DisplayNameShown"/>, <see cref="Platforms.NameShown"/>). Letters and the binder keep
/// the domain's English words (<see cref="SightingStatusRules.DisplayName"/>, <see cref="IncidentKinds.DisplayName"/>).
/// </summary>
public static class SightingsWords
{
    public static string KindName(this IStringLocalizer<SightingsText> text, IncidentKind kind) =>
        Get(text, "Kind." + (Enum.IsDefined(kind) ? kind : IncidentKind.Other));

    public static string SkipReason(this IStringLocalizer<SightingsText> text, UrlRejection reason) =>
        Get(text, "Skip." + (Enum.IsDefined(reason) ? reason : UrlRejection.NotAWebAddress));

    /// <summary>
    /// Why a re-check did not visit or reach a place, as <see cref="PlaceChecker"/> stored it (in English, the record's
    /// language), in the request's language; a reason these pages do not know is shown as it was stored.
    /// </summary>
    public static string CheckReason(this IHtmlLocalizer<SightingsText> text, string? reason) =>
        reason is not null && PlaceCheckReasons.KeyOf(reason) is { } key ? Get(text, key) : reason ?? "";

    private static string Get(IHtmlLocalizer<SightingsText> text, string key) => text.GetString(key).Value;

    private static string Get(IStringLocalizer<SightingsText> text, string key) => text[key].Value;
}

/// <summary>
/// The reasons <see cref="PlaceChecker"/> gives, kept in English with each check (the stored record), and the key each
/// is shown by. A new reason added there needs its key here and in <c>SightingsText</c>.
/// </summary>
public static class PlaceCheckReasons
{
    public const string NotAWebAddress = "it is not a web address";
    public const string TimedOut = "it did not answer in time";
    public const string Unreachable = "it could not be reached";
    public const string TooManyRedirects = "it redirected more than three times";
    public const string NotHttp = "only http and https addresses are checked";
    public const string HasUserInfo = "addresses with a user name or password are not checked";
    public const string NotStandardPort = "only the standard web ports (80 and 443) are checked";
    public const string NotPublic = "it leads to an address that is not on the public internet";

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [NotAWebAddress] = "Check.NotAWebAddress",
        [TimedOut] = "Check.TimedOut",
        [Unreachable] = "Check.Unreachable",
        [TooManyRedirects] = "Check.TooManyRedirects",
        [NotHttp] = "Check.NotHttp",
        [HasUserInfo] = "Check.HasUserInfo",
        [NotStandardPort] = "Check.NotStandardPort",
        [NotPublic] = "Check.NotPublic",
    };

    public static string? KeyOf(string reason) => Keys.GetValueOrDefault(reason);
}
