using System.Globalization;
using System.Text.RegularExpressions;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// Checks a <see cref="JurisdictionPack"/> against the schema: required fields, phone formats, https-only URLs,
/// and on every fact a source that is not self-cited with either a valid, non-future date or <c>needsReview</c> and no date. Pure: "today" is passed in (use the UTC date).
/// </summary>
/// <remarks>
/// Our own prose (descriptions and notes) must say "intimate image abuse" and "survivor": a description containing
/// "revenge porn" or "victim" is reported. Organisation names are quoted as they are and are not checked.
/// </remarks>
public static partial class JurisdictionPackValidator
{
    /// <summary>Every problem found, each starting with the path of the field ("helplines[0].phone: ...").</summary>
    public static IReadOnlyList<string> Validate(JurisdictionPack pack, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var problems = new List<string>();
        Identity(problems, pack);
        Emergency(problems, pack.EmergencyNumber, today);
        Routes(problems, "helplines", pack.Helplines, today);
        Routes(problems, "reportingRoutes", pack.ReportingRoutes, today);
        Routes(problems, "underEighteenRoutes", pack.UnderEighteenRoutes, today);
        Routes(problems, "extortionRoutes", pack.ExtortionRoutes, today, webRequired: false);
        Routes(problems, "underEighteenExtortionRoutes", pack.UnderEighteenExtortionRoutes, today, webRequired: false);
        Routes(problems, "crisisLines", pack.CrisisLines, today);
        Routes(problems, "sexualAssaultSupport", pack.SexualAssaultSupport, today, required: false);
        Remedies(problems, pack.LegalRemedies, today);
        return problems;
    }

    /// <summary>Digits, spaces, a leading +, hyphens and parentheses, with 3 to 15 digits.</summary>
    public static bool IsValidPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || !PhonePattern().IsMatch(phone))
        {
            return false;
        }

        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 3 and <= 15;
    }

    /// <summary>An absolute https URL with a host.</summary>
    public static bool IsHttpsUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host)
        && !url.Any(char.IsWhiteSpace);

    /// <summary>The pack's schema version, code, name and content version.</summary>
    private static void Identity(List<string> problems, JurisdictionPack pack)
    {
        if (pack.SchemaVersion != JurisdictionPack.CurrentSchemaVersion)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"schemaVersion: expected {JurisdictionPack.CurrentSchemaVersion}, found {pack.SchemaVersion}."));
        }

        if (string.IsNullOrWhiteSpace(pack.Code) || !CodePattern().IsMatch(pack.Code))
        {
            problems.Add("code: must be a two-letter upper-case country code, or INTL.");
        }

        ContentChecks.Required(problems, "name", pack.Name);
        if (pack.ContentVersion < 1)
        {
            problems.Add("contentVersion: must be 1 or more.");
        }
    }

    private static void Emergency(List<string> problems, EmergencyNumberFact? emergency, DateOnly today)
    {
        if (emergency is null)
        {
            problems.Add("emergencyNumber: is required.");
            return;
        }

        if (string.IsNullOrWhiteSpace(emergency.Number) || !EmergencyNumberPattern().IsMatch(emergency.Number))
        {
            problems.Add("emergencyNumber.number: must be three digits.");
        }

        ContentChecks.OurProse(problems, "emergencyNumber.note", emergency.Note);
        ContentChecks.Fact(problems, "emergencyNumber", emergency, today);
    }

    private static void Remedies(List<string> problems, LegalRemedies? remedies, DateOnly today)
    {
        if (remedies is null)
        {
            problems.Add("legalRemedies: is required.");
            return;
        }

        Remedy(problems, "legalRemedies.emergencyProtectiveOrder", remedies.EmergencyProtectiveOrder, today);
        Remedy(problems, "legalRemedies.restrainingOrder", remedies.RestrainingOrder, today);
        Remedy(problems, "legalRemedies.policeReport", remedies.PoliceReport, today);
        if (remedies.TakedownLaw is { } takedownLaw)
        {
            Remedy(problems, "legalRemedies.takedownLaw", takedownLaw, today);
        }
    }

    /// <param name="webRequired">False for the sextortion lists, where "your local police" has no single web address; an address given must still be https.</param>
    private static void Routes(
        List<string> problems, string path, IReadOnlyList<ContactRoute>? routes, DateOnly today, bool required = true, bool webRequired = true)
    {
        if (routes is null || routes.Count == 0)
        {
            if (required)
            {
                problems.Add($"{path}: at least one is required.");
            }

            return;
        }

        for (var i = 0; i < routes.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            var route = routes[i];
            if (route is null)
            {
                problems.Add($"{at}: is empty.");
                continue;
            }

            ContentChecks.Required(problems, $"{at}.name", route.Name);
            ContentChecks.Required(problems, $"{at}.description", route.Description);
            ContentChecks.OurProse(problems, $"{at}.description", route.Description);
            if (route.Phone is not null && !IsValidPhone(route.Phone))
            {
                problems.Add($"{at}.phone: use only digits, spaces, a leading +, hyphens and parentheses.");
            }

            if (route.Phone is not null && string.IsNullOrWhiteSpace(route.Hours))
            {
                problems.Add($"{at}.hours: is required when there is a phone number.");
            }

            if (!IsHttpsUrl(route.WebUrl) && (webRequired || !string.IsNullOrEmpty(route.WebUrl)))
            {
                problems.Add($"{at}.webUrl: must be an https address.");
            }

            ContentChecks.Fact(problems, at, route, today);
        }
    }

    private static void Remedy(List<string> problems, string path, RemedyName? remedy, DateOnly today)
    {
        if (remedy is null)
        {
            problems.Add($"{path}: is required.");
            return;
        }

        ContentChecks.Required(problems, $"{path}.name", remedy.Name);
        ContentChecks.Required(problems, $"{path}.description", remedy.Description);
        ContentChecks.OurProse(problems, $"{path}.description", remedy.Description);
        ContentChecks.Fact(problems, path, remedy, today);
    }

    [GeneratedRegex("^([A-Z]{2}|INTL)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmergencyNumberPattern();

    [GeneratedRegex(@"^\+?[0-9() \-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
