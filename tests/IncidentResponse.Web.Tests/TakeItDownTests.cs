using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// A TAKE IT DOWN Act request: offered only where the platform's own notice-and-removal process is known, recorded as
/// sent only through it, due 48 hours after the submission the person records, with the confirmation kept on the letter.
/// </summary>
public abstract class TakeItDownTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://x.com/someone/status/1850000000000000077";
    private const string ConfirmationWords = "Thanks, we received your report. Case number TIDA-5521.";

    [Fact]
    public async Task A_request_goes_only_through_the_platforms_process_and_is_due_48_hours_after_the_recorded_submission()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await using var db = app.CreateDbContext();

        var reddit = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");
        Assert.Null(reddit.Document.QuerySelector("input[name='Input.Kind'][value='TakeItDownRequest']"));
        var refused = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "TakeItDownRequest" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var (letterUrl, requestId) = await FinalisedRequestToXAsync(client, db, caseId);
        var final = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Contains("no later than 48 hours after you receive this request", final.FinalText, StringComparison.Ordinal);
        Assert.DoesNotContain("at the latest", final.FinalText, StringComparison.Ordinal);

        var page = await client.GetAsync(letterUrl);
        Assert.Equal(["Form"], page.Document.QuerySelectorAll("input[name='Send.Channel']").Select(e => e.GetAttribute("value")!));
        Assert.Contains("https://help.x.com/forms/safety-and-sensitive-content/take-it-down",
            page.Document.QuerySelector("#take-it-down-process a")!.GetAttribute("href"), StringComparison.Ordinal);

        var byEmail = await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.Channel"] = "Email",
            ["Send.SentOn"] = app.Day(3),
            ["Send.SentAt"] = "21:15",
            ["Send.Reference"] = "TIDA-5521",
            ["Send.Confirmation"] = ConfirmationWords,
        }, "handler=Send");
        Assert.Equal(HttpStatusCode.OK, byEmail.Status);
        Assert.Contains("A TAKE IT DOWN Act removal request to X can only be sent through the platform's online form.", byEmail.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(app.Day(3), byEmail.Document.QuerySelector("#Send_SentOn")!.GetAttribute("value"));
        Assert.Equal("21:15", byEmail.Document.QuerySelector("#Send_SentAt")!.GetAttribute("value"));
        Assert.Equal("TIDA-5521", byEmail.Document.QuerySelector("#Send_Reference")!.GetAttribute("value"));
        Assert.Equal(ConfirmationWords, byEmail.Document.QuerySelector("#Send_Confirmation")!.TextContent.Trim());
        Assert.Equal(TakedownStatus.Final, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Status);

        var noTime = await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.SentAt"] = "",
            ["Send.Confirmation"] = ConfirmationWords,
        }, "handler=Send");
        Assert.Equal(HttpStatusCode.OK, noTime.Status);
        Assert.Contains("Please give the time you sent it", noTime.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConfirmationWords, noTime.Document.QuerySelector("#Send_Confirmation")!.TextContent.Trim());
        Assert.Equal(TakedownStatus.Final, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Status);

        var sent = await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.Channel"] = "Form",
            ["Send.SentOn"] = app.Day(3),
            ["Send.SentAt"] = "21:15",
            ["Send.Reference"] = "TIDA-5521",
            ["Send.Confirmation"] = ConfirmationWords,
        }, "handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);

        var submitted = DateOnly.ParseExact(app.Day(3), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(21, 15), DateTimeKind.Utc);
        var row = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal((TakedownStatus.Sent, TakedownChannel.Form), (row.Status, row.Channel!.Value));
        Assert.Equal(submitted, row.SentUtc);
        Assert.Equal(submitted.AddHours(48), row.DueUtc);
        Assert.Equal(ConfirmationWords, row.Confirmation);
        Assert.Equal(final.FinalText, row.FinalText);

        var due = submitted.AddHours(48).ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var letter = await client.GetAsync(letterUrl);
        Assert.Equal(ConfirmationWords, letter.Document.QuerySelector("#confirmation")!.TextContent.Trim());
        Assert.Contains(due, letter.Document.QuerySelector("#due")!.TextContent, StringComparison.Ordinal);
        var list = await client.GetAsync($"/cases/{caseId}/takedowns");
        Assert.Contains(due, list.Document.QuerySelector("ul.takedowns > li.overdue")!.TextContent, StringComparison.Ordinal);
        var timeline = await client.GetAsync($"/cases/{caseId}/log");
        Assert.Contains("confirmation kept", timeline.MainText, StringComparison.Ordinal);

        var followUp = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp");
        var followUpText = (await client.GetAsync(followUp.Location!.OriginalString)).Document.QuerySelector("#letter")!.TextContent;
        Assert.Contains($"by {submitted.AddHours(48).ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}", followUpText, StringComparison.Ordinal);
        Assert.Contains("I will take this to US Federal Trade Commission, TAKE IT DOWN Act reports", followUpText, StringComparison.Ordinal);

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            var json = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.CaseJsonName));
            Assert.Contains(ConfirmationWords, json, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_screenshot_of_the_confirmation_is_kept_as_evidence_on_the_letter_through_the_evidence_upload()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await using var db = app.CreateDbContext();
        var (letterUrl, requestId) = await FinalisedRequestToXAsync(client, db, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);

        var link = (await client.GetAsync(letterUrl)).Document.QuerySelector("#add-confirmation-screenshot")!.GetAttribute("href")!;
        Assert.Equal($"/cases/{caseId}/evidence/add?letter={requestId}", link);
        var form = await client.GetAsync(link);
        Assert.Contains("confirmation of your TAKE IT DOWN Act removal request to X", form.Document.QuerySelector("#for-letter")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(requestId.ToString(), form.Document.QuerySelector("input[name='Input.TakedownRequestId']")!.GetAttribute("value"));

        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Jpeg(), "confirmation.jpg", new Dictionary<string, string>
        {
            ["Input.TakedownRequestId"] = requestId.ToString(),
            ["Input.WhatItShows"] = "The form's confirmation page",
        });

        Assert.Equal(requestId, (await db.EvidenceItems.AsNoTracking().SingleAsync(e => e.Id == evidenceId)).TakedownRequestId);
        var letter = await client.GetAsync(letterUrl);
        Assert.Equal($"/cases/{caseId}/evidence/{evidenceId}", letter.Document.QuerySelector("#confirmation-screenshots a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_stranger_gets_404_for_the_send_form_and_cannot_link_a_file_to_someone_elses_letter()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await using var db = app.CreateDbContext();
        var (letterUrl, requestId) = await FinalisedRequestToXAsync(owner, db, caseId);

        var (stranger, _, strangersCaseId) = await app.NewSurvivorWithCaseAsync();
        using var __ = stranger;
        var token = await stranger.AntiforgeryTokenAsync($"/cases/{strangersCaseId}/takedowns/new");
        var send = await stranger.PostAsync($"/cases/{caseId}/takedowns/{requestId}?handler=Send", new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Send.Channel"] = "Form",
            ["Send.SentOn"] = app.Day(0),
            ["Send.SentAt"] = "10:00",
            ["Send.Confirmation"] = ConfirmationWords,
        });
        Assert.Equal(HttpStatusCode.NotFound, send.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cases/{caseId}/evidence/add?letter={requestId}")).Status);
        var row = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal((TakedownStatus.Final, (string?)null), (row.Status, row.Confirmation));

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);
        var smuggled = await stranger.UploadEvidenceAsync(strangersCaseId, TestImages.Jpeg(), "confirmation.jpg", new Dictionary<string, string>
        {
            ["Input.TakedownRequestId"] = requestId.ToString(),
            ["Input.WhatItShows"] = "kept typed",
        });
        Assert.Equal(HttpStatusCode.OK, smuggled.Status);
        Assert.Contains("can't be kept with that letter", smuggled.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("kept typed", smuggled.Document.QuerySelector("#Input_WhatItShows")!.TextContent);
        Assert.False(await db.EvidenceItems.AnyAsync(e => e.TakedownRequestId == requestId));
        Assert.False(await db.EvidenceItems.AnyAsync(e => e.CaseId == strangersCaseId));
    }

    /// <summary>A complete TAKE IT DOWN Act request to X about one place, finalised.</summary>
    private static async Task<(string LetterUrl, Guid RequestId)> FinalisedRequestToXAsync(AppClient client, Domain.Data.AppDbContext db, Guid caseId)
    {
        await client.AddSightingsAsync(caseId, Posted);
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=x", new Dictionary<string, string>
        {
            ["Input.Kind"] = "TakeItDownRequest",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.Reasons"] = "I sent this image privately to one person. I never agreed to it being posted.",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.SignatureConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        return (letterUrl, Guid.Parse(letterUrl.Split('/')[4]));
    }
}

public sealed class TakeItDownTestsOnSqlite(SqliteApp app) : TakeItDownTests<SqliteApp>(app);

public sealed class TakeItDownTestsOnPostgres(PostgresApp app) : TakeItDownTests<PostgresApp>(app);
