using System.Net;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>Getting to the posts the exactly-once tests repeat.</summary>
public static class SubmissionJourneys
{
    /// <summary>A draft letter to reddit about one place, complete enough to finalise; returns its address.</summary>
    public static async Task<string> ReadyLetterAsync(AppClient client, Guid caseId)
    {
        var url = "https://www.reddit.com/r/a/comments/" + Guid.NewGuid().ToString("N")[..8];
        await client.AddSightingsAsync(caseId, url);
        var sightingId = await client.FirstPlaceOfferedAsync($"/cases/{caseId}/takedowns/new?platform=reddit");
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId,
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        if (draft.Status != HttpStatusCode.Redirect || draft.Location is null)
        {
            throw new InvalidOperationException($"Writing a letter failed ({(int)draft.Status}).");
        }

        return draft.Location.OriginalString;
    }

    /// <summary>
    /// The id of the first place a new letter at <paramref name="newLetterUrl"/> offers to cover: its "which places"
    /// screen, reached with Continue from the suggested letter.
    /// </summary>
    public static async Task<string> FirstPlaceOfferedAsync(this AppClient client, string newLetterUrl)
    {
        var places = await client.SubmitAsync(newLetterUrl, new Dictionary<string, string> { ["Intent"] = "next" });
        return places.Document.QuerySelector("input[type=checkbox][name='Input.SightingIds']")!.GetAttribute("value")!;
    }

    /// <summary>Sends the same post twice at the same moment, as a double click does.</summary>
    public static async Task<AppClient.PageResult[]> PostTwiceAtOnceAsync(this AppClient client, string action, Dictionary<string, string> values)
    {
        using var start = new SemaphoreSlim(0, 2);
        var first = Task.Run(async () => { await start.WaitAsync(); return await client.PostAsync(action, values); });
        var second = Task.Run(async () => { await start.WaitAsync(); return await client.PostAsync(action, values); });
        start.Release(2);
        return await Task.WhenAll(first, second);
    }

    public static Task<int> CountAsync<T>(this AppFixture app, Func<Domain.Data.AppDbContext, IQueryable<T>> query) =>
        Count(app, query);

    private static async Task<int> Count<T>(AppFixture app, Func<Domain.Data.AppDbContext, IQueryable<T>> query)
    {
        await using var db = app.CreateDbContext();
        return await query(db).CountAsync();
    }
}
