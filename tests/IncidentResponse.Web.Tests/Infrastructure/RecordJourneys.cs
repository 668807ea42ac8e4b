using System.Globalization;
using System.Net;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>Keeping a record, as intent methods: add an incident, paste places it was found.</summary>
public static class RecordJourneys
{
    public static string Day(this AppFixture app, int daysAgo) =>
        DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A complete, valid incident form; tests override what they are about.</summary>
    public static Dictionary<string, string> IncidentForm(this AppFixture app, string narrative = "They posted a photo of me", params (string Field, string Value)[] overrides)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Post",
            ["Input.OccurredOn"] = app.Day(10),
            ["Input.OccurredAt"] = "21:30",
            ["Input.TimeZone"] = "Europe/London",
            ["Input.FoundOn"] = app.Day(9),
            ["Input.Platform"] = "reddit",
            ["Input.Url"] = "https://www.reddit.com/r/example/comments/abc",
            ["Input.AccountHandle"] = "u/throwaway",
            ["Input.Perpetrator"] = "Unknown",
            ["Input.Narrative"] = narrative,
            ["Input.Concern"] = "2",
        };
        foreach (var (field, value) in overrides)
        {
            form["Input." + field] = value;
        }

        return form;
    }

    public static async Task<Guid> AddIncidentAsync(this AppClient client, Guid caseId, Dictionary<string, string> form)
    {
        var result = await client.SubmitAsync($"/cases/{caseId}/log/new", form);
        if (result.Status != HttpStatusCode.Redirect || result.Location is null)
        {
            throw new InvalidOperationException($"Adding an incident failed ({(int)result.Status}): {result.MainText}");
        }

        // The entry's page, saying it was added: /cases/{caseId}/log/{incidentId}?added=true
        return Guid.Parse(result.Location.OriginalString.Split('?')[0].Split('/').Last());
    }

    public static async Task<AppClient.PageResult> AddSightingsAsync(this AppClient client, Guid caseId, string pasted, Guid? incidentId = null) =>
        await client.SubmitAsync(
            incidentId is null ? $"/cases/{caseId}/sightings/add" : $"/cases/{caseId}/sightings/add?incident={incidentId}",
            new Dictionary<string, string> { ["Input.Urls"] = pasted });
}
