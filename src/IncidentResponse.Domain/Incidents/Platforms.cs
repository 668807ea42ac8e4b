using System.Resources;

namespace IncidentResponse.Domain.Incidents;

/// <summary>
/// The places we know by name. Keys are stored and used in filter addresses (neutral values, never free text);
/// anything else is <see cref="Other"/>.
/// </summary>
public static class Platforms
{
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Key, string Name)> All =
    [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("whatsapp", "WhatsApp"),
        ("threads", "Threads"),
        ("x", "X (Twitter)"),
        ("tiktok", "TikTok"),
        ("snapchat", "Snapchat"),
        ("reddit", "Reddit"),
        ("youtube", "YouTube"),
        ("discord", "Discord"),
        ("telegram", "Telegram"),
        ("tumblr", "Tumblr"),
        ("pornhub", "Pornhub"),
        ("onlyfans", "OnlyFans"),
        ("google", "Google"),
        ("bing", "Bing"),
        (Other, "Somewhere else"),
    ];

    private static readonly (string Domain, string Key)[] Domains =
    [
        ("facebook.com", "facebook"), ("fb.com", "facebook"), ("fb.me", "facebook"), ("messenger.com", "facebook"),
        ("instagram.com", "instagram"), ("instagr.am", "instagram"),
        ("whatsapp.com", "whatsapp"), ("wa.me", "whatsapp"),
        ("threads.net", "threads"), ("threads.com", "threads"),
        ("x.com", "x"), ("twitter.com", "x"), ("t.co", "x"),
        ("tiktok.com", "tiktok"),
        ("snapchat.com", "snapchat"),
        ("reddit.com", "reddit"), ("redd.it", "reddit"),
        ("youtube.com", "youtube"), ("youtu.be", "youtube"),
        ("discord.com", "discord"), ("discord.gg", "discord"), ("discordapp.com", "discord"),
        ("telegram.org", "telegram"), ("t.me", "telegram"),
        ("tumblr.com", "tumblr"),
        ("pornhub.com", "pornhub"),
        ("onlyfans.com", "onlyfans"),
        ("bing.com", "bing"),
    ];

    public static bool IsKnown(string? key) => key is not null && All.Any(p => p.Key == key);

    public static string NameOf(string? key) => All.FirstOrDefault(p => p.Key == key).Name ?? "Somewhere else";

    private static readonly ResourceManager Resources = new(typeof(Platforms));

    /// <summary>
    /// <see cref="NameOf"/> as the person reads it on a page: the platforms' own names as they are, "somewhere else" in
    /// the request's language.
    /// </summary>
    public static string NameShown(string? key) =>
        key is not Other && All.Any(p => p.Key == key) ? NameOf(key) : Localized.Text(Resources, "Other");

    /// <summary>The platform an address belongs to, from its host (subdomains included); <see cref="Other"/> if none.</summary>
    public static string FromHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var lower = host.ToLowerInvariant().TrimEnd('.');
        foreach (var (domain, key) in Domains)
        {
            if (lower == domain || lower.EndsWith("." + domain, StringComparison.Ordinal))
            {
                return key;
            }
        }

        // Google has a domain per country (google.co.uk, google.com.au, ...).
        var labels = lower.Split('.');
        return (labels.Length >= 2 && labels[^2] == "google") || (labels.Length >= 3 && labels[^3] == "google" && labels[^2] is "co" or "com")
            ? "google"
            : Other;
    }
}
