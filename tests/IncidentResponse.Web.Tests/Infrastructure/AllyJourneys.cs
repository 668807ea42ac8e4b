using System.Net;
using IncidentResponse.Domain.Cases;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>Inviting, joining and managing allies, as intent methods on a client.</summary>
public static class AllyJourneys
{
    /// <summary>The owner makes an invitation; returns the link's path (<c>/invitations/{token}</c>), shown once.</summary>
    public static async Task<string> InviteAsync(this AppClient owner, Guid caseId, CaseRole role, string label = "")
    {
        var result = await owner.SubmitAsync(
            $"/cases/{caseId}/people",
            new Dictionary<string, string> { ["Invite.Role"] = role.ToString(), ["Invite.Label"] = label },
            "handler=Invite");
        var link = result.Document.QuerySelector("textarea#invitation-link")?.TextContent.Trim()
            ?? throw new InvalidOperationException($"No invitation link ({(int)result.Status}): {result.MainText}");
        return new Uri(link).AbsolutePath;
    }

    /// <summary>A signed-in person accepts an invitation link.</summary>
    public static Task<AppClient.PageResult> AcceptAsync(this AppClient client, string invitationPath) =>
        client.SubmitAsync(invitationPath, new Dictionary<string, string>());

    /// <summary>A new person who joins <paramref name="caseId"/> with <paramref name="role"/> through a real invitation.</summary>
    public static async Task<(AppClient Client, string Username)> NewAllyAsync(this AppFixture app, AppClient owner, Guid caseId, CaseRole role)
    {
        var link = await owner.InviteAsync(caseId, role);
        var ally = app.CreateAppClient();
        var username = await ally.SignUpAsync();
        var accepted = await ally.AcceptAsync(link);
        if (accepted.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Accepting failed ({(int)accepted.Status}).");
        }

        return (ally, username);
    }

    /// <summary>The owner uses one of the per-person buttons on the people page.</summary>
    public static async Task<AppClient.PageResult> ManageAllyAsync(this AppClient owner, Guid caseId, string handler, Guid userId, params (string Name, string Value)[] values)
    {
        var token = await owner.AntiforgeryTokenAsync($"/cases/{caseId}/people");
        var fields = values.ToDictionary(v => v.Name, v => v.Value);
        fields["__rvt"] = token;
        return await owner.PostAsync($"/cases/{caseId}/people?handler={handler}&userId={userId}", fields);
    }

    /// <summary>
    /// The owner shares (or stops sharing) their risk level and safety answers with the ally named <paramref name="username"/>
    /// on the People page; the ally's account is found by name.
    /// </summary>
    public static async Task ShareRiskAssessmentAsync(this AppFixture app, AppClient owner, Guid caseId, string username, bool share = true)
    {
        Guid userId;
        await using (var db = app.CreateDbContext())
        {
            userId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Users.Where(u => u.UserName == username).Select(u => u.Id));
        }

        var result = await owner.ManageAllyAsync(caseId, "RiskAssessment", userId, ("grant", share ? "true" : "false"));
        if (result.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sharing the risk assessment answered {(int)result.Status}.");
        }
    }
}
