using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Takedown letters: written from the record, finalised only when complete, sent, answered and followed up.</summary>
public abstract class TakedownTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://www.reddit.com/r/a/comments/letter1";
    private const string Other = "https://example.org/not-in-this-letter";

    [Fact]
    public async Task A_dmca_notice_prints_the_statements_the_person_ticked_word_for_word_and_needs_no_email()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DmcaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderPhone"] = "+1 555 0100",
            ["Input.CopyrightedWork"] = "A photograph I took of myself in 2023",
            ["Input.CopyrightBasis"] = "SenderOwnsCopyright",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.AccuracyConfirmed"] = "true",
            ["Input.SignatureConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var requestId = Guid.Parse(letterUrl.Split('/')[4]);

        var form = (await client.GetAsync($"/cases/{caseId}/takedowns/{requestId}/edit")).Document;
        var ticked = form.QuerySelector("#good-faith-statements")!.TextContent;
        var accuracyBox = form.QuerySelector("input[name='Input.AccuracyConfirmed']")!.ParentElement!.TextContent;
        var letter = await client.GetAsync(letterUrl);
        var printed = letter.Document.QuerySelector("#letter")!.TextContent;

        Assert.Contains(LetterComposer.DmcaGoodFaith, ticked, StringComparison.Ordinal);
        Assert.Contains(LetterComposer.DmcaGoodFaith, printed, StringComparison.Ordinal);
        Assert.Contains(LetterComposer.DmcaAccuracy, accuracyBox, StringComparison.Ordinal);
        Assert.Contains(LetterComposer.DmcaAccuracy, printed, StringComparison.Ordinal);
        Assert.Null(letter.Document.QuerySelector("#missing"));
    }

    [Fact]
    public async Task A_dsa_notice_is_not_offered_for_a_search_engine_and_is_sent_only_electronically()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);

        var search = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=google-search");
        Assert.Null(search.Document.QuerySelector("input[name='Input.Kind'][value='DsaNotice']"));
        var refused = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=google-search", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DsaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DsaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.Reasons"] = "An intimate image of me shared without my consent.",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var requestId = Guid.Parse(letterUrl.Split('/')[4]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);

        var page = await client.GetAsync(letterUrl);
        Assert.Null(page.Document.QuerySelector("input[name='Send.Channel'][value='Post']"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Send.Channel'][value='Form']"));
        var byPost = await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.Channel"] = "Post",
            ["Send.SentOn"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "handler=Send");
        Assert.Equal(HttpStatusCode.OK, byPost.Status);
        Assert.Contains("online form or by email", byPost.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TakedownStatus.Final, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Status);
    }

    [Fact]
    public async Task A_dsa_notice_needs_no_name_or_email_only_when_the_images_may_have_been_made_under_18()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);
        var anonymous = new Dictionary<string, string>
        {
            ["Input.Kind"] = "DsaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.Reasons"] = "Intimate images made when I was 16, shared without my consent.",
            ["Input.GoodFaithConfirmed"] = "true",
        };

        var adultForm = await SenderScreenAsync(client, caseId, "DsaNotice");
        Assert.Null(adultForm.Document.QuerySelector("#dsa-identity-optional"));
        var adultDraft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", anonymous);
        var adultUrl = adultDraft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(adultUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(TakedownStatus.Draft, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(adultUrl.Split('/')[4]))).Status);

        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.MadeUnderEighteen, AgeAnswer.NotSure));
        var form = await SenderScreenAsync(client, caseId, "DsaNotice");
        Assert.Contains("optional", form.Document.QuerySelector("#dsa-identity-optional")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await SenderScreenAsync(client, caseId, "PlatformPolicyReport")).Document.QuerySelector("#dsa-identity-optional"));
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", anonymous);
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);

        var request = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(letterUrl.Split('/')[4]));
        Assert.Equal(TakedownStatus.Final, request.Status);
        Assert.Contains("Directive 2011/93/EU", request.FinalText, StringComparison.Ordinal);
        Assert.DoesNotContain("Name:", request.FinalText, StringComparison.Ordinal);
        Assert.DoesNotContain("Email:", request.FinalText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("es")] // the page in Spanish, the letter still in English: "in Germany", not "in Alemania"
    public async Task A_follow_up_to_a_dsa_notice_names_the_digital_services_coordinator_where_the_person_lives(string? pageLanguage)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        if (pageLanguage is not null)
        {
            await client.GetAsync($"/language/{pageLanguage}?return=%2F");
        }

        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.JurisdictionCode, "DE"));
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DsaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.Reasons"] = "An intimate image of me shared without my consent.",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);

        var followUp = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp");
        var text = (await client.GetAsync(followUp.Location!.OriginalString)).Document.QuerySelector("#letter")!.TextContent;

        Assert.Contains("I will take this to Bundesnetzagentur (Federal Network Agency), the Digital Services Coordinator in Germany.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Coimisiún na Meán", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_of_an_extorting_account_is_offered_with_its_sourced_route_names_the_account_and_its_contact_dates_and_is_finalised_and_printed()
    {
        const string account = "https://www.instagram.com/demo.threats.account/";
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("They said they would send my photos to my family unless I paid",
            ("Kind", "DemandOrExtortion"), ("Platform", "instagram"), ("Url", account), ("AccountHandle", "@demo.threats.account")));
        await client.AddSightingsAsync(caseId, account, incidentId);
        await using var db = app.CreateDbContext();
        var sighting = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == account);
        var contactedOn = (await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incidentId)).OccurredOn;

        var choice = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=instagram");
        Assert.NotNull(choice.Document.QuerySelector("main input[name='Input.Kind'][value='ExtortionAccountReport']"));
        var route = choice.Document.QuerySelector("#extortion-route")!;
        Assert.Equal(["https://help.instagram.com/616583228400289", "https://help.instagram.com/616583228400289"],
            route.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Checked on 6 December 2026", route.TextContent, StringComparison.Ordinal);
        var notYetChecked = (await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=snapchat")).Document.QuerySelector("#extortion-route")!;
        Assert.Contains("Not yet checked", notYetChecked.TextContent, StringComparison.Ordinal);
        Assert.Null((await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=google-search")).Document.QuerySelector("#extortion-route"));

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=instagram", new Dictionary<string, string>
        {
            ["Input.Kind"] = "ExtortionAccountReport",
            ["Input.SightingIds"] = sighting.Id.ToString(),
            ["Input.SenderName"] = "Sam Hiddenname",
            ["Input.SenderNamePrivate"] = "true",
            ["Input.SenderEmail"] = "reports.only@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var requestId = Guid.Parse(letterUrl.Split('/')[4]);
        var letter = await client.GetAsync(letterUrl);
        Assert.Null(letter.Document.QuerySelector("#missing"));
        var text = letter.Document.QuerySelector("#letter")!.TextContent;
        Assert.Contains("@demo.threats.account", text, StringComparison.Ordinal);
        Assert.Contains(account, text, StringComparison.Ordinal);
        Assert.Contains($"{contactedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: A demand (money, images or anything else)", text, StringComparison.Ordinal);
        Assert.Contains("I have not attached any images", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hiddenname", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        var final = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal((LetterKind.ExtortionAccountReport, TakedownStatus.Final), (final.Kind, final.Status));
        var printed = await client.GetAsync($"{letterUrl}/text");
        Assert.Equal(HttpStatusCode.OK, printed.Status);
        Assert.Contains("@demo.threats.account", printed.Html, StringComparison.Ordinal);
        Assert.Contains("Report of an account making threats or demands", printed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hiddenname", printed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_goes_from_draft_to_removed_and_the_places_move_with_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, $"{Posted}\n{Other}");
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var requestId = Guid.Parse(letterUrl.Split('/')[4]);

        var incomplete = await client.GetAsync(letterUrl);
        var missing = incomplete.Document.QuerySelector("#missing")!.TextContent;
        Assert.Contains("email", missing, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(incomplete.Document.QuerySelector("#Finalise button[disabled]"));
        var blocked = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        Assert.Equal(HttpStatusCode.OK, blocked.Status);
        Assert.Contains("still needs", blocked.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TakedownStatus.Draft, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Status);

        var edited = await client.SubmitAsync($"/cases/{caseId}/takedowns/{requestId}/edit", new Dictionary<string, string>
        {
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var complete = await client.GetAsync(letterUrl);
        Assert.Null(complete.Document.QuerySelector("#missing"));
        Assert.Contains(Posted, complete.Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Other, complete.Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        var final = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal(TakedownStatus.Final, final.Status);
        Assert.Contains("sam@example.org", final.FinalText, StringComparison.Ordinal);

        var sent = await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.Channel"] = "Form",
            ["Send.Reference"] = "TICKET-42",
        }, "handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var afterSend = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        Assert.Equal(TakedownStatus.Sent, afterSend.Status);
        // Counted from the time the form was filled in with (now, to the minute).
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(7), afterSend.DueUtc!.Value, TimeSpan.FromMinutes(1));
        Assert.Equal(SightingStatus.RemovalRequested, (await db.Sightings.AsNoTracking().SingleAsync(s => s.Id == posted.Id)).Status);
        Assert.Equal(SightingStatus.Found, (await db.Sightings.AsNoTracking().SingleAsync(s => s.CaseId == caseId && s.Url == Other)).Status);
        var change = await db.SightingStatusChanges.AsNoTracking().SingleAsync(c => c.SightingId == posted.Id);
        Assert.Equal((SightingStatus.Found, SightingStatus.RemovalRequested), (change.From, change.To));
        Assert.Contains("TICKET-42", (await client.GetAsync(letterUrl)).Document.QuerySelector("#sent")!.TextContent, StringComparison.Ordinal);

        var answered = await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Answer.Outcome"] = "Removed" }, "handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal(SightingStatus.Removed, (await db.Sightings.AsNoTracking().SingleAsync(s => s.Id == posted.Id)).Status);
        Assert.Equal(2, await db.SightingStatusChanges.CountAsync(c => c.SightingId == posted.Id));
        Assert.Equal(TakedownStatus.Answered, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Status);

        var followUp = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp");
        Assert.Equal(HttpStatusCode.Redirect, followUp.Status);
        var followUpId = Guid.Parse(followUp.Location!.OriginalString.Split('/')[4]);
        var followUpRow = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == followUpId);
        Assert.Equal((LetterKind.FollowUp, TakedownStatus.Draft, (Guid?)requestId), (followUpRow.Kind, followUpRow.Status, followUpRow.FollowsUpId));
        var followUpPage = await client.GetAsync(followUp.Location!.OriginalString);
        var followUpText = followUpPage.Document.QuerySelector("#letter")!.TextContent;
        Assert.Contains("TICKET-42", followUpText, StringComparison.Ordinal);
        // The platform report asked for no answer by a date, so the follow-up states none (the 7 days are only ours).
        Assert.DoesNotContain("the date I asked for one", followUpText, StringComparison.Ordinal);
        Assert.DoesNotContain("within 7 days", followUpText, StringComparison.Ordinal);

        var list = await client.GetAsync($"/cases/{caseId}/takedowns");
        Assert.Equal(2, list.Document.QuerySelectorAll("ul.takedowns > li").Length);
        var dashboard = await client.GetAsync($"/cases/{caseId}");
        var step = dashboard.Document.QuerySelectorAll("ol.steps > li").Single(li => li.TextContent.Contains("Get it taken down", StringComparison.Ordinal));
        Assert.Equal($"/cases/{caseId}/takedowns", step.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("1 request sent, 1 place removed", step.TextContent, StringComparison.Ordinal);

        var actions = await db.AuditEvents.Where(e => e.CaseId == caseId && e.Action.StartsWith("takedown.")).Select(e => e.Action).ToListAsync();
        Assert.Equal(["takedown.answer-logged", "takedown.drafted", "takedown.edited", "takedown.finalised", "takedown.follow-up-drafted", "takedown.sent"], actions.Order());
    }

    [Fact]
    public async Task An_unanswered_letter_is_marked_overdue_and_a_refusal_moves_the_places_and_shapes_the_follow_up()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        var sent = await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Email", ["Send.SentOn"] = app.Day(8) }, "handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);

        var list = await client.GetAsync($"/cases/{caseId}/takedowns");
        var item = list.Document.QuerySelector("ul.takedowns > li.overdue")!;
        Assert.Contains("Overdue", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("write a follow-up", item.TextContent, StringComparison.Ordinal);
        var dashboard = await client.GetAsync($"/cases/{caseId}");
        Assert.Contains("1 overdue", dashboard.Document.QuerySelectorAll("ol.steps > li").Single(li => li.TextContent.Contains("Get it taken down", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        var refused = await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Answer.Outcome"] = "Refused",
            ["Answer.Reason"] = "Not against our rules",
        }, "handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal(SightingStatus.Refused, (await db.Sightings.AsNoTracking().SingleAsync(s => s.Id == posted.Id)).Status);
        Assert.Contains("Not against our rules", (await client.GetAsync(letterUrl)).Document.QuerySelector("#answers")!.TextContent, StringComparison.Ordinal);

        var followUp = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp");
        var text = (await client.GetAsync(followUp.Location!.OriginalString)).Document.QuerySelector("#letter")!.TextContent;
        Assert.Contains("You declined to remove the content", text, StringComparison.Ordinal);
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_private_detail_never_reaches_the_finalised_text_or_the_download()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
        const string Secret = "12 Hidden Lane, Privatetown";

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderEmail"] = "contact@example.org",
            ["Input.SenderPostalAddress"] = Secret,
            ["Input.SenderPostalAddressPrivate"] = "true",
            ["Input.Reasons"] = $"I live at {Secret} and am frightened.",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);

        var page = await client.GetAsync(letterUrl);
        Assert.DoesNotContain(Secret, page.Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(SenderIdentity.Withheld, page.Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
        var final = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
        Assert.DoesNotContain(Secret, final.FinalText, StringComparison.Ordinal);

        using var download = await client.Http.GetAsync($"{letterUrl}/text");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", download.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.True(download.Headers.CacheControl!.NoStore);
        var text = await download.Content.ReadAsStringAsync();
        Assert.Equal(final.FinalText, text);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);

        // The PDF is printed from the same text: the address of the content is in it, the private detail is not.
        using var pdf = await client.Http.GetAsync($"{letterUrl}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.True(pdf.Headers.CacheControl!.NoStore);
        var pdfText = PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(Posted, Normalise(pdfText), StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Lane", pdfText, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helper_may_draft_a_letter_but_only_the_owner_or_an_advocate_may_finalise_or_send_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
        await db.CaseMembers.Where(m => m.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CaseRole.Helper));

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderEmail"] = "contact@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var token = await client.AntiforgeryTokenAsync(letterUrl);

        var finalise = await client.PostAsync($"{letterUrl}?handler=Finalise", new Dictionary<string, string> { ["__rvt"] = token });
        Assert.Equal(HttpStatusCode.NotFound, finalise.Status);
        var send = await client.PostAsync($"{letterUrl}?handler=Send", new Dictionary<string, string> { ["__rvt"] = token, ["Send.Channel"] = "Email" });
        Assert.Equal(HttpStatusCode.NotFound, send.Status);
        var request = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
        Assert.Null(request.FinalText);
        Assert.Null(request.SentOn);

        await db.CaseMembers.Where(m => m.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CaseRole.Advocate));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"{letterUrl}?handler=Finalise", new Dictionary<string, string> { ["__rvt"] = token })).Status);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_new_version_of_a_sent_letter_keeps_the_sent_one_as_it_was()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderEmail"] = "first@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Email" }, "handler=Send");
        var sentText = (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId)).FinalText;

        var revised = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Revise");
        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        Assert.EndsWith("/edit", revised.Location!.OriginalString, StringComparison.Ordinal);
        var saved = await client.SubmitAsync(revised.Location!.OriginalString, new Dictionary<string, string> { ["Input.SenderEmail"] = "second@example.org" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var rows = await db.TakedownRequests.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync();
        var original = rows.Single(r => r.ReplacesId == null);
        var next = rows.Single(r => r.ReplacesId == original.Id);
        Assert.Equal(TakedownStatus.Sent, original.Status);
        Assert.Equal(sentText, original.FinalText);
        Assert.Contains("first@example.org", original.FinalText, StringComparison.Ordinal);
        Assert.Equal(TakedownStatus.Draft, next.Status);
        Assert.Equal("second@example.org", next.Sender.Email.Value);
        Assert.Contains("first@example.org", (await client.GetAsync(letterUrl)).Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
        var editSent = await client.GetAsync($"{letterUrl}/edit");
        Assert.Equal(HttpStatusCode.Redirect, editSent.Status);
    }

    /// <summary>ADR 0007: the text as finalised is what was sent; nothing that changes later reaches it.</summary>
    [Fact]
    public async Task A_finalised_letter_is_never_regenerated_and_editing_it_keeps_the_sent_text_byte_for_byte()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderEmail"] = "first@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Email" }, "handler=Send");
        var sent = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
        using (var first = await client.Http.GetAsync($"{letterUrl}/text"))
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(sent.FinalText!), await first.Content.ReadAsByteArrayAsync());
        }

        // Something the letter is written from changes after it was sent: the date the place was first seen.
        await db.Sightings.Where(s => s.Id == posted.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FirstSeenUtc, new DateTime(2020, 1, 1, 9, 0, 0, DateTimeKind.Utc)));

        var revised = await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Revise");
        await client.SubmitAsync(revised.Location!.OriginalString, new Dictionary<string, string> { ["Input.SenderEmail"] = "second@example.org" });
        var nextUrl = revised.Location!.OriginalString[..^"/edit".Length];
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(nextUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);

        // The new version reads as it would now ...
        var next = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.ReplacesId == sent.Id);
        Assert.Equal(TakedownStatus.Final, next.Status);
        Assert.Contains("1 January 2020", next.FinalText, StringComparison.Ordinal);
        Assert.Contains("second@example.org", next.FinalText, StringComparison.Ordinal);

        // ... and the sent one is exactly what was sent, in the database, the download and the page, deadline and all.
        var original = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.Id == sent.Id);
        Assert.Equal((TakedownStatus.Sent, sent.DueUtc, sent.SentOn), (original.Status, original.DueUtc, original.SentOn));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(sent.FinalText!), System.Text.Encoding.UTF8.GetBytes(original.FinalText!));
        using var again = await client.Http.GetAsync($"{letterUrl}/text");
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(sent.FinalText!), await again.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("2020", original.FinalText, StringComparison.Ordinal);
        var page = (await client.GetAsync(letterUrl)).Document.QuerySelector("#letter")!.TextContent;
        Assert.Equal(sent.FinalText!.ReplaceLineEndings("\n"), page.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_platforms_warnings_are_shown_before_choosing_how_to_ask()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var choose = await client.GetAsync($"/cases/{caseId}/takedowns/new");
        Assert.NotNull(choose.Document.QuerySelector("main input[name=platform][value=reddit]"));
        Assert.Null(choose.Document.QuerySelector("main input[name='Input.Kind']"));

        var page = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");
        var warnings = page.Document.QuerySelector("#warnings")!;
        Assert.Contains("Lumen", warnings.TextContent, StringComparison.Ordinal);
        var kind = page.Document.QuerySelector("main input[name='Input.Kind']")!;
        Assert.True(warnings.CompareDocumentPosition(kind).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.DoesNotContain("victim", page.MainText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_the_letters_that_make_sense_for_the_platform_are_offered_and_another_kind_is_refused_keeping_the_form()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await using var db = app.CreateDbContext();

        static string[] Offered(AppClient.PageResult page) =>
            page.Document.QuerySelectorAll("main input[name='Input.Kind']").Select(e => e.GetAttribute("value")!).ToArray();
        var google = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=google-search");
        Assert.Equal(["SearchDelisting", "DmcaNotice"], Offered(google));
        var reddit = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");
        Assert.Equal(["PlatformPolicyReport", "ExtortionAccountReport", "DmcaNotice", "PreservationToPlatform", "PreservationForPolice", "DsaNotice"], Offered(reddit));
        Assert.NotNull(reddit.Document.QuerySelector("#elsewhere-kinds input[name='Input.Kind'][value='DsaNotice']"));

        var refused = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "SearchDelisting",
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("not one of the letters for Reddit", refused.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not one of the letters for Reddit", refused.Document.QuerySelector("#Input_Kind")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sam Example", refused.Document.QuerySelector("input[name='Input.SenderName']")!.GetAttribute("value"));
        Assert.Equal("sam@example.org", refused.Document.QuerySelector("input[name='Input.SenderEmail']")!.GetAttribute("value"));
        Assert.DoesNotContain("SearchDelisting", Offered(refused));
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var followUp = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "FollowUp" });
        Assert.Equal(HttpStatusCode.OK, followUp.Status);
        Assert.False(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId));

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "PreservationToPlatform" });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var editUrl = draft.Location!.OriginalString + "/edit";
        var editRefused = await client.SubmitAsync(editUrl, new Dictionary<string, string> { ["Input.Kind"] = "SearchDelisting", ["Input.SenderName"] = "Sam Example" });
        Assert.Equal(HttpStatusCode.OK, editRefused.Status);
        Assert.Contains("not one of the letters for Reddit", editRefused.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sam Example", editRefused.Document.QuerySelector("#Input_SenderName")!.GetAttribute("value"));
        var row = await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
        Assert.Equal((LetterKind.PreservationToPlatform, (string?)null), (row.Kind, row.Sender.Name.Value));

        var changed = await client.SubmitAsync(editUrl, new Dictionary<string, string> { ["Input.Kind"] = "DmcaNotice" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(LetterKind.DmcaNotice, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId)).Kind);
    }

    /// <summary>The "about you" screen of a new letter of <paramref name="kind"/> to Reddit, reached as a browser does.</summary>
    private static async Task<AppClient.PageResult> SenderScreenAsync(AppClient client, Guid caseId, string kind)
    {
        var url = $"/cases/{caseId}/takedowns/new?platform=reddit";
        var places = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Kind"] = kind, ["Intent"] = "next" });
        var sender = await client.SubmitOnAsync(places, url, new Dictionary<string, string> { ["Intent"] = "next" });
        Assert.NotNull(sender.Document.QuerySelector("#Input_SenderName"));
        return sender;
    }

    [Fact]
    public async Task Another_cases_letters_and_places_are_not_found()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddSightingsAsync(caseId, Posted);
        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string> { ["Input.Kind"] = "PlatformPolicyReport" });
        var requestId = draft.Location!.OriginalString.Split('/')[4];
        await using var db = app.CreateDbContext();
        var ownersSighting = await db.Sightings.SingleAsync(s => s.CaseId == caseId);

        var (other, _, otherCaseId) = await app.NewSurvivorWithCaseAsync();
        using var __ = other;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCaseId}/takedowns/{requestId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCaseId}/takedowns/{requestId}/text")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCaseId}/takedowns/{requestId}/edit")).Status);
        var token = await other.AntiforgeryTokenAsync($"/cases/{otherCaseId}/takedowns/new");
        var post = await other.PostAsync($"/cases/{otherCaseId}/takedowns/{requestId}?handler=Finalise", new Dictionary<string, string> { ["__rvt"] = token });
        Assert.Equal(HttpStatusCode.NotFound, post.Status);

        var smuggled = await other.SubmitAsync($"/cases/{otherCaseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = ownersSighting.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, smuggled.Status);
        Assert.False(await db.TakedownRequestSightings.AnyAsync(s => s.SightingId == ownersSighting.Id));
    }
}

public sealed class TakedownTestsOnSqlite(SqliteApp app) : TakedownTests<SqliteApp>(app);

public sealed class TakedownTestsOnPostgres(PostgresApp app) : TakedownTests<PostgresApp>(app);
