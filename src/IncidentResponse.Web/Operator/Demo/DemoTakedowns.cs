using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Pages.Cases.Takedowns;

namespace IncidentResponse.Web.Operator.Demo;

/// <summary>
/// The takedown part of <c>seed-demo</c>: fictional requests of several kinds in every state a survivor meets (a draft,
/// ready to send, sent and waiting, overdue, removed, refused with a reason, followed up), each with places of its own
/// whose status moves with it. Everything goes through <see cref="TakedownActions"/> and <see cref="TakedownLetters"/>,
/// the code the letter pages use, so the audit trail and the letters' text are real. Deterministic for a given day.
/// </summary>
public sealed class DemoTakedowns(AppDbContext db, AuditTrail audit, TakedownActions actions, TakedownLetters letters, PlatformDirectory directory, TimeProvider clock)
{
    /// <summary>Where a demo request ends up.</summary>
    private enum Stage
    {
        Draft,
        Final,
        Sent,
        Removed,
        Refused,
    }

    private sealed record Plan(
        string Platform,
        LetterKind Kind,
        string[] Urls,
        Stage Stage,
        int SentDaysAgo = 0,
        int AnsweredDaysAgo = 0,
        string? Reason = null,
        int? FollowedUpDaysAgo = null,
        string? Reference = null);

    private static readonly Plan[] Plans =
    [
        new("instagram", LetterKind.PlatformPolicyReport, ["https://www.instagram.com/p/DemoPost01/"], Stage.Sent, SentDaysAgo: 0, Reference: "IG-4471-DEMO"),
        new("x", LetterKind.TakeItDownRequest, ["https://x.com/demo_account/status/1850000000000000001", "https://x.com/demo_account/status/1850000000000000002"], Stage.Sent, SentDaysAgo: 4),
        new("reddit", LetterKind.DmcaNotice, ["https://www.reddit.com/r/demo/comments/abc123/"], Stage.Removed, SentDaysAgo: 14, AnsweredDaysAgo: 10, Reference: "DMCA-20261108-77"),
        new("tiktok", LetterKind.PlatformPolicyReport, ["https://www.tiktok.com/@demo_account/video/7300000000000000001"], Stage.Refused, SentDaysAgo: 21, AnsweredDaysAgo: 17,
            Reason: "The reviewer said the video does not break the Community Guidelines.", FollowedUpDaysAgo: 3),
        new("google-search", LetterKind.SearchDelisting, ["https://forum.example.net/thread/4412"], Stage.Removed, SentDaysAgo: 30, AnsweredDaysAgo: 25),
        new("telegram", LetterKind.PreservationToPlatform, ["https://t.me/demo_channel/812"], Stage.Final),
        new("facebook", LetterKind.DsaNotice, ["https://www.facebook.com/photo/?fbid=1000000000001"], Stage.Draft),
    ];

    /// <summary>How many requests <see cref="FillAsync"/> adds (follow-ups included).</summary>
    public static int RequestCount => Plans.Length + Plans.Count(p => p.FollowedUpDaysAgo is not null);

    public async Task FillAsync(Guid caseId, Guid ownerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        foreach (var plan in Plans)
        {
            var platform = directory.Get(plan.Platform);
            if (!platform.Offers(plan.Kind))
            {
                throw new InvalidOperationException($"The demo writes a {plan.Kind} to {plan.Platform}, which the directory does not offer.");
            }

            var sentOn = today.AddDays(-plan.SentDaysAgo);
            var request = NewRequest(caseId, ownerId, plan, now, sentOn);
            foreach (var url in plan.Urls)
            {
                var sighting = Sighting.Add(caseId, UrlList.Parse(url).Accepted.Single(), ownerId, now.AddDays(-plan.SentDaysAgo - 2));
                db.Sightings.Add(sighting);
                await audit.RecordAsync(caseId, ownerId, AuditActions.SightingAdded, nameof(Sighting), sighting.Id.ToString(), cancellationToken: cancellationToken);
                request.Sightings.Add(new TakedownRequestSighting { RequestId = request.Id, SightingId = sighting.Id });
            }

            await actions.DraftAsync(request, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (plan.Stage == Stage.Draft)
            {
                continue;
            }

            await FinaliseAsync(request, ownerId, now, cancellationToken);
            if (plan.Stage == Stage.Final)
            {
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var channel = plan.Kind is LetterKind.PlatformPolicyReport or LetterKind.SearchDelisting or LetterKind.TakeItDownRequest ? TakedownChannel.Form : TakedownChannel.Email;
            await actions.SendAsync(request, platform, At(sentOn, 12, now), channel, plan.Reference, null, ownerId, At(sentOn, 12, now), cancellationToken);
            if (plan.Stage is Stage.Removed or Stage.Refused)
            {
                var outcome = plan.Stage == Stage.Removed ? TakedownOutcome.Removed : TakedownOutcome.Refused;
                var answeredOn = today.AddDays(-plan.AnsweredDaysAgo);
                await actions.LogAnswerAsync(request, platform, answeredOn, outcome, plan.Reason, null, ownerId, At(answeredOn, 15, now), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (plan.FollowedUpDaysAgo is { } followedUpDaysAgo)
            {
                var followUp = await actions.CopyAsDraftAsync(request, followUp: true, ownerId, now, cancellationToken);
                followUp.LetterDate = today.AddDays(-followedUpDaysAgo);
                await db.SaveChangesAsync(cancellationToken);
                await FinaliseAsync(followUp, ownerId, now, cancellationToken);
                await actions.SendAsync(followUp, platform, At(followUp.LetterDate, 12, now), TakedownChannel.Email, null, null, ownerId, At(followUp.LetterDate, 12, now), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>A time on a past day for the status history, never later than now.</summary>
    private static DateTime At(DateOnly day, int hour, DateTime now)
    {
        var at = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        return at < now ? at : now;
    }

    /// <summary>Finalises with the text the letter page would show; a demo letter that is not complete is a bug.</summary>
    private async Task FinaliseAsync(TakedownRequest request, Guid ownerId, DateTime now, CancellationToken cancellationToken)
    {
        var letter = await letters.ComposeAsync(request, cancellationToken);
        if (!letter.Check.CanFinalise)
        {
            throw new InvalidOperationException(
                $"The demo {request.Kind} is missing: {string.Join(", ", letter.Check.Missing.Select(m => m.Code))}.");
        }

        await actions.FinaliseAsync(request, letter.Text, ownerId, now, cancellationToken);
    }

    private static TakedownRequest NewRequest(Guid caseId, Guid ownerId, Plan plan, DateTime now, DateOnly sentOn) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = caseId,
        Kind = plan.Kind,
        PlatformId = plan.Platform,
        Sender = new SenderIdentity
        {
            Name = IdentityField.Public("Alex Rivera"),
            Email = IdentityField.Public("alex.rivera.demo@example.org"),
            Phone = IdentityField.Public("+1 555 0142"),
            PostalAddress = IdentityField.Private("10 Example Street, Springfield"),
        },
        GoodFaithConfirmed = true,
        AccuracyConfirmed = plan.Kind == LetterKind.DmcaNotice,
        SignatureConfirmed = true,
        CopyrightBasis = plan.Kind == LetterKind.DmcaNotice ? CopyrightBasis.SenderOwnsCopyright : CopyrightBasis.NotAnswered,
        CopyrightedWork = plan.Kind == LetterKind.DmcaNotice ? "A photograph I took of myself in 2024" : null,
        Reasons = plan.Kind switch
        {
            LetterKind.DsaNotice => "This is an intimate image of me shared without my consent. Sharing it is a criminal offence where I live.",
            LetterKind.TakeItDownRequest => "I sent this image privately to one person. I never agreed to it being posted.",
            _ => null,
        },
        LetterDate = sentOn,
        CreatedBy = ownerId,
        CreatedUtc = now,
        UpdatedUtc = now,
    };
}
