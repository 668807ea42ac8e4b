namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>The binder form posted as a browser posts it, for tests that read the binder's print view.</summary>
public static class BinderForm
{
    /// <summary>
    /// The print view (the binder as a page) of the parts <paramref name="sections"/> names, every exhibit shown as
    /// <paramref name="redactions"/> says (those not named: as the preset chooses).
    /// </summary>
    public static async Task<AppClient.PageResult> ViewAsync(
        AppClient client, Guid caseId, IEnumerable<string> sections, IReadOnlyDictionary<Guid, string>? redactions = null, string preset = "MyRecords")
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", token),
            new("Input.Preset", preset),
            new("Input.Title", "Evidence record"),
            new("Input.PreparedBy", ""),
            new("Input.PreparedFor", ""),
        };
        fields.AddRange(sections.Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        fields.AddRange((redactions ?? new Dictionary<Guid, string>()).Select(r => new KeyValuePair<string, string>($"Input.Redactions[{r.Key}]", r.Value)));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.Http.PostAsync($"/cases/{caseId}/binder?handler=View", content);
        return await AppClient.PageResult.ReadAsync(response);
    }
}
