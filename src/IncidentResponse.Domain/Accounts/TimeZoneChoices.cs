namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// One time zone a person can choose, in plain words: the IANA name the computer uses ("Europe/London"), the words a
/// person recognises ("London (UK)"), the part of the world it is listed under, and how a time in it is named
/// ("London time").
/// </summary>
public sealed record TimeZoneChoice(string Id, string Label, string Region, string TimeName);

/// <summary>
/// The time zones offered by the pickers, grouped by part of the world. Each is an IANA zone, so summer time is
/// handled by the computer; the list covers the countries the content files know and the largest cities elsewhere.
/// </summary>
public static class TimeZoneChoices
{
    /// <summary>The longest IANA name the database column holds.</summary>
    public const int MaxLength = 64;

    public const string Utc = "UTC";

    public static IReadOnlyList<TimeZoneChoice> All { get; } =
    [
        new("Europe/London", "London (UK)", "Europe", "London time"),
        new("Europe/Dublin", "Dublin (Ireland)", "Europe", "Dublin time"),
        new("Europe/Lisbon", "Lisbon (Portugal)", "Europe", "Lisbon time"),
        new("Europe/Paris", "Paris (France)", "Europe", "Paris time"),
        new("Europe/Brussels", "Brussels (Belgium)", "Europe", "Brussels time"),
        new("Europe/Amsterdam", "Amsterdam (Netherlands)", "Europe", "Amsterdam time"),
        new("Europe/Berlin", "Berlin (Germany)", "Europe", "Berlin time"),
        new("Europe/Madrid", "Madrid (Spain)", "Europe", "Madrid time"),
        new("Europe/Rome", "Rome (Italy)", "Europe", "Rome time"),
        new("Europe/Zurich", "Zurich (Switzerland)", "Europe", "Zurich time"),
        new("Europe/Vienna", "Vienna (Austria)", "Europe", "Vienna time"),
        new("Europe/Stockholm", "Stockholm (Sweden)", "Europe", "Stockholm time"),
        new("Europe/Oslo", "Oslo (Norway)", "Europe", "Oslo time"),
        new("Europe/Copenhagen", "Copenhagen (Denmark)", "Europe", "Copenhagen time"),
        new("Europe/Warsaw", "Warsaw (Poland)", "Europe", "Warsaw time"),
        new("Europe/Prague", "Prague (Czechia)", "Europe", "Prague time"),
        new("Europe/Budapest", "Budapest (Hungary)", "Europe", "Budapest time"),
        new("Europe/Helsinki", "Helsinki (Finland)", "Europe", "Helsinki time"),
        new("Europe/Athens", "Athens (Greece)", "Europe", "Athens time"),
        new("Europe/Bucharest", "Bucharest (Romania)", "Europe", "Bucharest time"),
        new("Europe/Kyiv", "Kyiv (Ukraine)", "Europe", "Kyiv time"),
        new("Europe/Istanbul", "Istanbul (Türkiye)", "Europe", "Istanbul time"),
        new("Europe/Moscow", "Moscow (Russia)", "Europe", "Moscow time"),
        new("America/St_Johns", "St. John's (Newfoundland, Canada)", "Americas", "Newfoundland time"),
        new("America/Halifax", "Halifax (Atlantic Canada)", "Americas", "Atlantic time"),
        new("America/New_York", "New York (US Eastern)", "Americas", "US Eastern time"),
        new("America/Toronto", "Toronto (Canada Eastern)", "Americas", "Toronto time"),
        new("America/Chicago", "Chicago (US Central)", "Americas", "US Central time"),
        new("America/Winnipeg", "Winnipeg (Canada Central)", "Americas", "Winnipeg time"),
        new("America/Denver", "Denver (US Mountain)", "Americas", "US Mountain time"),
        new("America/Phoenix", "Phoenix (Arizona, US)", "Americas", "Arizona time"),
        new("America/Edmonton", "Edmonton (Canada Mountain)", "Americas", "Edmonton time"),
        new("America/Los_Angeles", "Los Angeles (US Pacific)", "Americas", "US Pacific time"),
        new("America/Vancouver", "Vancouver (Canada Pacific)", "Americas", "Vancouver time"),
        new("America/Anchorage", "Anchorage (Alaska, US)", "Americas", "Alaska time"),
        new("Pacific/Honolulu", "Honolulu (Hawaii, US)", "Americas", "Hawaii time"),
        new("America/Mexico_City", "Mexico City (Mexico)", "Americas", "Mexico City time"),
        new("America/Bogota", "Bogotá (Colombia)", "Americas", "Bogotá time"),
        new("America/Lima", "Lima (Peru)", "Americas", "Lima time"),
        new("America/Santiago", "Santiago (Chile)", "Americas", "Santiago time"),
        new("America/Sao_Paulo", "São Paulo (Brazil)", "Americas", "São Paulo time"),
        new("America/Argentina/Buenos_Aires", "Buenos Aires (Argentina)", "Americas", "Buenos Aires time"),
        new("Africa/Lagos", "Lagos (Nigeria)", "Africa and the Middle East", "Lagos time"),
        new("Africa/Cairo", "Cairo (Egypt)", "Africa and the Middle East", "Cairo time"),
        new("Africa/Johannesburg", "Johannesburg (South Africa)", "Africa and the Middle East", "Johannesburg time"),
        new("Africa/Nairobi", "Nairobi (Kenya)", "Africa and the Middle East", "Nairobi time"),
        new("Asia/Jerusalem", "Jerusalem (Israel)", "Africa and the Middle East", "Jerusalem time"),
        new("Asia/Riyadh", "Riyadh (Saudi Arabia)", "Africa and the Middle East", "Riyadh time"),
        new("Asia/Dubai", "Dubai (United Arab Emirates)", "Africa and the Middle East", "Dubai time"),
        new("Asia/Karachi", "Karachi (Pakistan)", "Asia", "Karachi time"),
        new("Asia/Kolkata", "India", "Asia", "India time"),
        new("Asia/Dhaka", "Dhaka (Bangladesh)", "Asia", "Dhaka time"),
        new("Asia/Bangkok", "Bangkok (Thailand)", "Asia", "Bangkok time"),
        new("Asia/Jakarta", "Jakarta (Indonesia)", "Asia", "Jakarta time"),
        new("Asia/Singapore", "Singapore", "Asia", "Singapore time"),
        new("Asia/Manila", "Manila (Philippines)", "Asia", "Manila time"),
        new("Asia/Hong_Kong", "Hong Kong", "Asia", "Hong Kong time"),
        new("Asia/Shanghai", "China", "Asia", "China time"),
        new("Asia/Seoul", "Seoul (South Korea)", "Asia", "Seoul time"),
        new("Asia/Tokyo", "Tokyo (Japan)", "Asia", "Tokyo time"),
        new("Australia/Perth", "Perth (Western Australia)", "Australia and the Pacific", "Perth time"),
        new("Australia/Darwin", "Darwin (Northern Territory, Australia)", "Australia and the Pacific", "Darwin time"),
        new("Australia/Adelaide", "Adelaide (South Australia)", "Australia and the Pacific", "Adelaide time"),
        new("Australia/Brisbane", "Brisbane (Queensland, Australia)", "Australia and the Pacific", "Brisbane time"),
        new("Australia/Sydney", "Sydney, Melbourne, Canberra (Australia)", "Australia and the Pacific", "Sydney time"),
        new("Australia/Hobart", "Hobart (Tasmania, Australia)", "Australia and the Pacific", "Hobart time"),
        new("Pacific/Auckland", "Auckland (New Zealand)", "Australia and the Pacific", "New Zealand time"),
        new(Utc, "UTC (world time, no summer time)", "Other", "UTC"),
    ];

    private static readonly Dictionary<string, TimeZoneChoice> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The regions in the order the picker shows them.</summary>
    public static IEnumerable<IGrouping<string, TimeZoneChoice>> ByRegion => All.GroupBy(c => c.Region);

    public static TimeZoneChoice? Find(string? id) => id is not null && ById.TryGetValue(id, out var choice) ? choice : null;

    public static bool IsKnown(string? id) => Find(id) is not null;

    /// <summary>
    /// A first guess from a case's country (the content files' jurisdiction code), where one zone covers most people
    /// (Spain's Canary Islands and Mexico's other zones are a change the person makes); null where a country spans
    /// several with no clear majority (the person chooses).
    /// </summary>
    public static string? GuessFromCountry(string? jurisdictionCode) => jurisdictionCode?.ToUpperInvariant() switch
    {
        "GB" => "Europe/London",
        "IE" => "Europe/Dublin",
        "ES" => "Europe/Madrid",
        "FR" => "Europe/Paris",
        "MX" => "America/Mexico_City",
        _ => null,
    };
}
