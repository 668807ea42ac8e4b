using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Checks a <see cref="PlatformEntry"/> against the schema: required fields, https-only addresses, well-formed email
/// addresses, escalation steps in order, and a valid, non-future "last verified" date on every fact. Pure: "today" is
/// passed in (use the UTC date).
/// </summary>
/// <remarks>
/// Our own prose (steps, notes and warnings) must say "intimate image abuse" and "survivor": text containing
/// "revenge porn" or "victim" is reported. Platform and rule names are quoted as they are and are not checked.
/// </remarks>
public static partial class PlatformEntryValidator
{
    /// <summary>Every problem found, each starting with the path of the field ("dmca.formUrl: ...").</summary>
    public static IReadOnlyList<string> Validate(PlatformEntry entry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<string>();
        Identity(problems, entry);
        Policy(problems, entry.Policy, today);
        NciiRoute(problems, entry.NciiRoute, today);
        ExtortionRoute(problems, entry, today);
        Dmca(problems, entry.Dmca, today);
        TakeItDown(problems, entry, today);
        DataProtection(problems, entry.DataProtectionRoute, today);
        HashMatching(problems, entry.HashMatching, today);
        AsksFor(problems, entry.AsksFor);
        ResponseTime(problems, entry.ResponseTime, today);
        Escalation(problems, entry.Escalation, today);
        Warnings(problems, entry.Warnings, today);
        LetterKinds(problems, entry);
        return problems;
    }

    /// <summary>A plain email address: one @, a dot in the domain, no spaces.</summary>
    public static bool IsEmail(string? value) => !string.IsNullOrWhiteSpace(value) && EmailPattern().IsMatch(value);

    /// <summary>The entry's schema version, id, names, kind and content version.</summary>
    private static void Identity(List<string> problems, PlatformEntry entry)
    {
        if (entry.SchemaVersion != PlatformEntry.CurrentSchemaVersion)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"schemaVersion: expected {PlatformEntry.CurrentSchemaVersion}, found {entry.SchemaVersion}."));
        }

        if (string.IsNullOrWhiteSpace(entry.Id) || !IdPattern().IsMatch(entry.Id))
        {
            problems.Add("id: use lower-case letters, digits and hyphens.");
        }

        ContentChecks.Required(problems, "name", entry.Name);
        ContentChecks.Required(problems, "operator", entry.Operator);
        if (!Enum.IsDefined(entry.Kind))
        {
            problems.Add("kind: must be platform, searchEngine or otherHost.");
        }

        if (entry.ContentVersion < 1)
        {
            problems.Add("contentVersion: must be 1 or more.");
        }
    }

    private static void HashMatching(List<string> problems, HashMatchingFact? hashMatching, DateOnly today)
    {
        if (hashMatching is null)
        {
            problems.Add("hashMatching: is required.");
            return;
        }

        ContentChecks.Required(problems, "hashMatching.note", hashMatching.Note);
        ContentChecks.OurProse(problems, "hashMatching.note", hashMatching.Note);
        ContentChecks.Source(problems, "hashMatching", hashMatching.SourceUrl, hashMatching.LastVerified, today);
    }

    private static void AsksFor(List<string> problems, IReadOnlyList<RequestItem>? asksFor)
    {
        if (asksFor is null || asksFor.Count == 0)
        {
            problems.Add("asksFor: at least one is required.");
        }
        else if (asksFor.Any(i => !Enum.IsDefined(i)))
        {
            problems.Add("asksFor: contains an unknown item.");
        }
    }

    private static void ResponseTime(List<string> problems, ResponseTimeFact? responseTime, DateOnly today)
    {
        if (responseTime is null)
        {
            problems.Add("responseTime: is required (write \"Not published.\" when the platform does not say).");
            return;
        }

        ContentChecks.Required(problems, "responseTime.text", responseTime.Text);
        ContentChecks.OurProse(problems, "responseTime.text", responseTime.Text);
        ContentChecks.Fact(problems, "responseTime", responseTime, today);
    }

    private static void Policy(List<string> problems, PlatformPolicy? policy, DateOnly today)
    {
        if (policy is null)
        {
            problems.Add("policy: is required.");
            return;
        }

        ContentChecks.Required(problems, "policy.name", policy.Name);
        Https(problems, "policy.url", policy.Url);
        ContentChecks.Fact(problems, "policy", policy, today);
    }

    private static void NciiRoute(List<string> problems, ReportRoute? route, DateOnly today)
    {
        if (route is null)
        {
            problems.Add("nciiRoute: is required.");
            return;
        }

        Route(problems, "nciiRoute", route, today);
    }

    /// <summary>Optional in the schema, checked like the intimate image route when present; only a platform has accounts to report.</summary>
    private static void ExtortionRoute(List<string> problems, PlatformEntry entry, DateOnly today)
    {
        if (entry.ExtortionRoute is not { } route)
        {
            return;
        }

        if (entry.Kind != PlatformKind.Platform)
        {
            problems.Add("extortionRoute: only a platform where people have accounts has one.");
        }

        Route(problems, "extortionRoute", route, today);
    }

    private static void Route(List<string> problems, string path, ReportRoute route, DateOnly today)
    {
        Https(problems, $"{path}.startUrl", route.StartUrl);
        OptionalEmail(problems, $"{path}.email", route.Email);
        ContentChecks.Required(problems, $"{path}.howTo", route.HowTo);
        ContentChecks.OurProse(problems, $"{path}.howTo", route.HowTo);
        ContentChecks.Fact(problems, path, route, today);
    }

    private static void Dmca(List<string> problems, DmcaRoute? dmca, DateOnly today)
    {
        if (dmca is null)
        {
            problems.Add("dmca: is required.");
            return;
        }

        ContentChecks.Required(problems, "dmca.howTo", dmca.HowTo);
        ContentChecks.OurProse(problems, "dmca.howTo", dmca.HowTo);
        if (dmca.FormUrl is not null)
        {
            Https(problems, "dmca.formUrl", dmca.FormUrl);
        }

        OptionalEmail(problems, "dmca.email", dmca.Email);
        if (dmca.Accepted && dmca.FormUrl is null && dmca.Email is null)
        {
            problems.Add("dmca: a platform that takes notices needs a formUrl or an email.");
        }

        ContentChecks.Fact(problems, "dmca", dmca, today);
    }

    private static void TakeItDown(List<string> problems, PlatformEntry entry, DateOnly today)
    {
        var facts = entry.TakeItDown;
        if (facts is null)
        {
            if (entry.Kind != PlatformKind.SearchEngine)
            {
                problems.Add("takeItDown: is required for a platform or host (give the FTC complaint address, and the process when known).");
            }

            return;
        }

        if (facts.Process is { } process)
        {
            if (process.FormUrl is null && process.Email is null)
            {
                problems.Add("takeItDown.process: needs the formUrl or the email where a request is submitted.");
            }

            if (process.FormUrl is not null)
            {
                Https(problems, "takeItDown.process.formUrl", process.FormUrl);
            }

            OptionalEmail(problems, "takeItDown.process.email", process.Email);
            ContentChecks.Required(problems, "takeItDown.process.howTo", process.HowTo);
            ContentChecks.OurProse(problems, "takeItDown.process.howTo", process.HowTo);
            ContentChecks.Fact(problems, "takeItDown.process", process, today);
        }

        if (facts.Ftc is not { } ftc)
        {
            problems.Add("takeItDown.ftc: is required (where the FTC takes a complaint about a platform that does not remove).");
        }
        else
        {
            ContentChecks.Required(problems, "takeItDown.ftc.name", ftc.Name);
            Https(problems, "takeItDown.ftc.contact", ftc.Contact);
            ContentChecks.Fact(problems, "takeItDown.ftc", ftc, today);
        }
    }

    private static void DataProtection(List<string> problems, DataProtectionRoute? route, DateOnly today)
    {
        if (route is null)
        {
            return;
        }

        Https(problems, "dataProtectionRoute.formUrl", route.FormUrl);
        ContentChecks.Required(problems, "dataProtectionRoute.howTo", route.HowTo);
        ContentChecks.OurProse(problems, "dataProtectionRoute.howTo", route.HowTo);
        ContentChecks.Fact(problems, "dataProtectionRoute", route, today);
    }

    private static void Escalation(List<string> problems, IReadOnlyList<EscalationStep>? steps, DateOnly today)
    {
        if (steps is null || steps.Count == 0)
        {
            problems.Add("escalation: at least one step is required.");
            return;
        }

        EscalationStepKind? previous = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"escalation[{i}]");
            var step = steps[i];
            if (step is null)
            {
                problems.Add($"{at}: is empty.");
                continue;
            }

            if (!Enum.IsDefined(step.Step))
            {
                problems.Add($"{at}.step: must be form, trustAndSafetyEmail, privacyOfficer or regulator.");
            }
            else if (previous is { } before && step.Step < before)
            {
                problems.Add($"{at}.step: steps must run form, trust and safety, privacy officer, regulator.");
            }

            previous = step.Step;
            ContentChecks.Required(problems, $"{at}.name", step.Name);
            if (!JurisdictionPackValidator.IsHttpsUrl(step.Contact) && !IsEmail(step.Contact))
            {
                problems.Add($"{at}.contact: must be an https address or an email address.");
            }

            if (step.AppliesIn is not null && step.AppliesIn.Any(c => c is null || !AppliesInPattern().IsMatch(c)))
            {
                problems.Add($"{at}.appliesIn: use two-letter upper-case country codes, or EU.");
            }

            ContentChecks.Source(problems, at, step.SourceUrl, step.LastVerified, today);
        }
    }

    private static void Warnings(List<string> problems, IReadOnlyList<RouteWarning>? warnings, DateOnly today)
    {
        if (warnings is null)
        {
            problems.Add("warnings: is required (use an empty list when there are none).");
            return;
        }

        for (var i = 0; i < warnings.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"warnings[{i}]");
            var warning = warnings[i];
            if (warning is null)
            {
                problems.Add($"{at}: is empty.");
                continue;
            }

            if (!Enum.IsDefined(warning.Route))
            {
                problems.Add($"{at}.route: is not a known route.");
            }

            ContentChecks.Required(problems, $"{at}.text", warning.Text);
            ContentChecks.OurProse(problems, $"{at}.text", warning.Text);
            ContentChecks.Source(problems, at, warning.SourceUrl, warning.LastVerified, today);
        }
    }

    private static void LetterKinds(List<string> problems, PlatformEntry entry)
    {
        var kinds = entry.LetterKinds;
        if (kinds is null || kinds.Count == 0)
        {
            problems.Add("letterKinds: at least one is required.");
            return;
        }

        if (kinds.Any(k => !Enum.IsDefined(k)))
        {
            problems.Add("letterKinds: contains an unknown kind.");
        }

        if (kinds.Contains(LetterKind.FollowUp))
        {
            problems.Add("letterKinds: followUp is written from a sent letter; do not list it.");
        }

        if (kinds.Distinct().Count() != kinds.Count)
        {
            problems.Add("letterKinds: lists a kind more than once.");
        }

        if (kinds.Contains(LetterKind.DmcaNotice) && entry.Dmca is { Accepted: false })
        {
            problems.Add("letterKinds: dmcaNotice is listed but dmca.accepted is false.");
        }

        if (kinds.Contains(LetterKind.SearchDelisting) && entry.Kind != PlatformKind.SearchEngine)
        {
            problems.Add("letterKinds: searchDelisting is only for a search engine.");
        }

        if (kinds.Contains(LetterKind.TakeItDownRequest) && entry.TakeItDown?.Process is null)
        {
            problems.Add("letterKinds: takeItDownRequest is listed but takeItDown.process is not recorded (the request goes only through the platform's notice-and-removal process).");
        }

        if (kinds.Contains(LetterKind.DataProtectionDelisting) && entry.Kind != PlatformKind.SearchEngine)
        {
            problems.Add("letterKinds: dataProtectionDelisting is only for a search engine.");
        }

        if (kinds.Contains(LetterKind.DataProtectionDelisting) && entry.DataProtectionRoute is null)
        {
            problems.Add("letterKinds: dataProtectionDelisting needs the engine's dataProtectionRoute (its EU/UK privacy form).");
        }

        if (kinds.Contains(LetterKind.ExtortionAccountReport) && entry.ExtortionRoute is null)
        {
            problems.Add("letterKinds: extortionAccountReport needs the platform's extortionRoute (where an account is reported).");
        }

        if (kinds.Contains(LetterKind.DsaNotice) && entry.Kind == PlatformKind.SearchEngine)
        {
            problems.Add("letterKinds: dsaNotice is only for a hosting service (DSA Article 16), never for a search engine.");
        }
    }

    private static void Https(List<string> problems, string path, string? url)
    {
        if (!JurisdictionPackValidator.IsHttpsUrl(url))
        {
            problems.Add($"{path}: must be an https address.");
        }
    }

    private static void OptionalEmail(List<string> problems, string path, string? email)
    {
        if (email is not null && !IsEmail(email))
        {
            problems.Add($"{path}: is not an email address.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AppliesInPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
