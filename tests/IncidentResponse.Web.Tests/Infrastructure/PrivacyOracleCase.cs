using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// One rich case, built by its owner through the real pages, with a unique canary in every field of every private
/// thing and of everything else someone may not see, and an ally for every role × evidence-images × export.
/// </summary>
public sealed class PrivacyOracleCase
{
    private static readonly Regex PlanStepLink = new(@"/plan/(\d+)", RegexOptions.CultureInvariant);

    private readonly List<Canary> _canaries = [];
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public Guid CaseId { get; private set; }

    public IReadOnlyList<Canary> Canaries => _canaries;

    public List<OracleViewer> Viewers { get; } = [];

    /// <summary>Every id of the case by kind, private ones included: the values routes and queries are filled with.</summary>
    public Dictionary<string, List<Guid>> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>A readable name for each id, so a leak report says "letter L1" rather than a GUID.</summary>
    public Dictionary<Guid, string> Labels { get; } = [];

    public List<string> Platforms { get; } = [];

    public int PlanSteps { get; private set; }

    public string PendingInvitationToken { get; private set; } = "";

    public static async Task<PrivacyOracleCase> PlantAsync(AppFixture app)
    {
        var planted = new PrivacyOracleCase();
        await planted.BuildAsync(app);
        return planted;
    }

    private string Plant(CanaryClass kind, string field, string what)
    {
        var value = $"CANARY-{kind.ToString().ToUpperInvariant()}-{field}-{_suffix}";
        _canaries.Add(new Canary(value, kind, what));
        return value;
    }

    private async Task BuildAsync(AppFixture app)
    {
        var owner = app.CreateAppClient();
        var ownerName = await owner.SignUpAsync();
        CaseId = await owner.CreateCaseAsync();
        Labels[CaseId] = "{case}";

        // Shared with everyone: an entry, its place and a file whose details only allies shown images may read.
        var shared = await owner.AddIncidentAsync(CaseId, app.IncidentForm(Plant(CanaryClass.Shared, "narrative", "narrative of the shared entry")));
        Labels[shared] = "{incident S shared}";
        await ExpectRedirect(owner.AddSightingsAsync(CaseId, Reddit(Plant(CanaryClass.Shared, "place", "URL of the shared place")), shared), "shared place");
        var sharedFile = await owner.AddEvidenceAsync(CaseId, Web.Operator.Demo.DemoImages.ScreenshotPng(360, 640, 1), Plant(CanaryClass.FileDetail, "filename", "file name of the shared file") + ".png", new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = Reddit(Plant(CanaryClass.FileDetail, "sourceurl", "source URL of the shared file")),
            ["Input.WhatItShows"] = Plant(CanaryClass.FileDetail, "whatitshows", "\"what it shows\" of the shared file"),
            ["Input.SourceWords"] = Plant(CanaryClass.FileDetail, "sourcewords", "where the shared file was found, in words"),
            ["Input.IncidentId"] = shared.ToString(),
        });
        Labels[sharedFile] = "{file F shared}";

        // Entry A: private before any letter about it is finalised. Every text field, its places, a status note, a file.
        var incidentA = await owner.AddIncidentAsync(CaseId, PrivateIncidentForm(app, "incA", "entry A"));
        Labels[incidentA] = "{incident A private}";
        await ExpectRedirect(owner.AddSightingsAsync(CaseId, Reddit(Plant(CanaryClass.Private, "incA-place1", "URL of entry A's first place")) + "\n" + Reddit(Plant(CanaryClass.Private, "incA-place2", "URL of entry A's second place")), incidentA), "entry A's places");
        // Its picture looks like the shared file's (issue 24), so the shared file's page tells the owner where this one was found.
        var fileOfA = await owner.AddEvidenceAsync(CaseId, Web.Operator.Demo.DemoImages.ScreenshotPng(360, 640, 2), Plant(CanaryClass.Private, "incA-file-name", "file name of entry A's file") + ".png", new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = Reddit(Plant(CanaryClass.Private, "incA-file-sourceurl", "source URL of entry A's file")),
            ["Input.WhatItShows"] = Plant(CanaryClass.Private, "incA-file-whatitshows", "\"what it shows\" of entry A's file"),
            ["Input.SourceWords"] = Plant(CanaryClass.Private, "incA-file-sourcewords", "where entry A's file was found, in words"),
            ["Input.IncidentId"] = incidentA.ToString(),
        });
        Labels[fileOfA] = "{file of A}";
        if (!(await owner.GetAsync($"/cases/{CaseId}/evidence/{sharedFile}")).MainText.Contains("It looks like exhibit", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The shared file and entry A's file should look alike, so the oracle sees where a look-alike's details go.");
        }

        // A private file of its own: a picture whose pixels cannot be decoded (so the binder's obscured copy is the
        // "could not be made" box), with a canary inside its own bytes, which only the owner's downloads may carry.
        var privateBytes = DamagedImages.UnreadablePixels(
            ("tEXt", System.Text.Encoding.Latin1.GetBytes("Comment\0" + Plant(CanaryClass.Private, "file-bytes", "text inside the private file's own bytes"))));
        var privateFile = await owner.AddEvidenceAsync(CaseId, privateBytes, Plant(CanaryClass.Private, "file-name", "file name of the private file") + ".png", new Dictionary<string, string>
        {
            ["Input.SourceUrl"] = Reddit(Plant(CanaryClass.Private, "file-sourceurl", "source URL of the private file")),
            ["Input.WhatItShows"] = Plant(CanaryClass.Private, "file-whatitshows", "\"what it shows\" of the private file"),
            ["Input.SourceWords"] = Plant(CanaryClass.Private, "file-sourcewords", "where the private file was found, in words"),
        });
        Labels[privateFile] = "{file P private}";
        await ExpectRedirect(owner.SubmitAsync($"/cases/{CaseId}/evidence/{privateFile}", new Dictionary<string, string>(), "handler=Privacy"), "marking the file private");

        // Entry B: shared while a letter about its place is finalised and sent, made private afterwards.
        var incidentB = await owner.AddIncidentAsync(CaseId, PrivateIncidentForm(app, "incB", "entry B (made private after its letter was finalised)"));
        Labels[incidentB] = "{incident B private later}";
        await ExpectRedirect(owner.AddSightingsAsync(CaseId, Reddit(Plant(CanaryClass.Private, "incB-place", "URL of entry B's place (in finalised letter L2)")), incidentB), "entry B's place");

        var sightings = await SightingsAsync(app);
        var sharedPlace = sightings.Single(s => s.Url.Contains("SHARED-place", StringComparison.Ordinal)).Id;
        var placeA1 = sightings.Single(s => s.Url.Contains("incA-place1", StringComparison.Ordinal)).Id;
        var placeA2 = sightings.Single(s => s.Url.Contains("incA-place2", StringComparison.Ordinal)).Id;
        var placeB = sightings.Single(s => s.Url.Contains("incB-place", StringComparison.Ordinal)).Id;
        Labels[sharedPlace] = "{place of S}";
        Labels[placeA1] = "{place A1}";
        Labels[placeA2] = "{place A2}";
        Labels[placeB] = "{place of B}";

        // The server's re-checks (issue 24), each ending at an address of its own: one of a shared place, one of a private entry's place.
        await using (var db = app.CreateDbContext())
        {
            foreach (var (place, check) in new[]
            {
                (sharedPlace, Reddit(Plant(CanaryClass.Shared, "place-check", "final address of a re-check of the shared place"))),
                (placeA1, Reddit(Plant(CanaryClass.Private, "incA-place1-check", "final address of a re-check of entry A's first place"))),
            })
            {
                db.PlaceChecks.Add(new PlaceCheckRecord
                {
                    Id = Guid.NewGuid(),
                    CaseId = CaseId,
                    SightingId = place,
                    CheckedUtc = app.Clock.GetUtcNow().UtcDateTime,
                    Outcome = PlaceCheckOutcome.Answered,
                    StatusCode = 200,
                    FinalUrl = check,
                });
            }

            await db.SaveChangesAsync();
        }
        await ExpectRedirect(
            owner.SubmitAsync($"/cases/{CaseId}/sightings/{placeA2}", new Dictionary<string, string>
            {
                ["Input.Status"] = "Saved",
                ["Input.Note"] = Plant(CanaryClass.Private, "incA-place2-note", "status note on entry A's second place"),
            }),
            "a status note on a place of entry A");

        // Letter L2: finalised and sent about B's place while B is shared; then B becomes private.
        var letter2 = await LetterAsync(owner, [placeB, sharedPlace], new Dictionary<string, string>
        {
            ["Input.SearchTerms"] = Plant(CanaryClass.Private, "L2-searchterms", "the searches named on letter L2"),
        });
        Labels[letter2] = "{letter L2 private after final}";
        await FinaliseAndSendAsync(owner, letter2, "L2");
        await ExpectRedirect(owner.SubmitAsync($"/cases/{CaseId}/log/{incidentB}", new Dictionary<string, string>(), "handler=Privacy"), "marking entry B private");

        // Letter L1: A is made private first, then a letter covering its place is written, finalised and sent. It reports
        // the account, so it prints A's private account handle and date: the letter stays the owner's alone.
        await ExpectRedirect(owner.SubmitAsync($"/cases/{CaseId}/log/{incidentA}", new Dictionary<string, string>(), "handler=Privacy"), "marking entry A private");
        var letter1 = await LetterAsync(owner, [placeA1, sharedPlace], new Dictionary<string, string> { ["Input.Kind"] = "ExtortionAccountReport" });
        Labels[letter1] = "{letter L1 private before final}";
        await FinaliseAndSendAsync(owner, letter1, "L1");

        // Letter L3: a draft about the shared place only, with the phone and postal address kept private.
        var letter3 = await LetterAsync(owner, [sharedPlace], new Dictionary<string, string>
        {
            ["Input.SenderPhone"] = Plant(CanaryClass.Sender, "phone", "kept-private phone on letter L3"),
            ["Input.SenderPhonePrivate"] = "true",
            ["Input.SenderPostalAddress"] = Plant(CanaryClass.Sender, "postal", "kept-private postal address on letter L3"),
            ["Input.SenderPostalAddressPrivate"] = "true",
        });
        Labels[letter3] = "{letter L3 draft sender}";

        // The plan step's private note.
        var plan = await owner.GetAsync($"/cases/{CaseId}/plan");
        var steps = PlanStepLink.Matches(plan.Html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(steps.Count > 0, "The plan page links no step.");
        PlanSteps = steps.Max();
        await ExpectRedirect(
            owner.SubmitAsync($"/cases/{CaseId}/plan/{steps.Min()}", new Dictionary<string, string>
            {
                ["Input.Status"] = nameof(SafetyStepStatus.Doing),
                ["Input.Note"] = Plant(CanaryClass.Private, "plannote", "the plan step's private note"),
            }),
            "the plan step's note");

        // A threat assessment, so its page has an id to fill. "Yes" to a weapon puts the level at Immediate danger; the level
        // and that answer's words are the owner's, and an ally's only when the owner shares the risk assessment (ADR 0014).
        // Fixed words, not planted ones: shown (with a space), as data or a class name (none), a PDF's text (no spaces).
        await ExpectRedirect(owner.TakeAssessmentAsync(CaseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.Weapons, ThreatAnswer.Yes))), "the threat assessment");
        _canaries.Add(new Canary("Immediate danger", CanaryClass.Risk, "the risk level as shown"));
        _canaries.Add(new Canary("ImmediateDanger", CanaryClass.Risk, "the risk level as data, a class name or a PDF's text"));
        _canaries.Add(new Canary("could easily get a weapon", CanaryClass.Risk, "the weapons answer, in the reasons or the binder's report"));
        _canaries.Add(new Canary("couldeasilygetaweapon", CanaryClass.Risk, "the weapons answer in a binder PDF's text", InDownloadsOnly: true));

        // The private things' own ids are theirs too: a link or a row naming one tells an ally it exists.
        foreach (var (id, what) in new[] { (incidentA, "entry A"), (incidentB, "entry B"), (fileOfA, "entry A's file"), (privateFile, "the private file"), (placeA1, "entry A's first place"), (placeA2, "entry A's second place"), (placeB, "entry B's place") })
        {
            _canaries.Add(new Canary(id.ToString(), CanaryClass.Private, "id of " + what));
        }

        Viewers.Add(new OracleViewer("Owner", CaseRole.Owner, true, true, owner, await UserIdAsync(app, ownerName), ownerName));
        await AddAlliesAsync(app, owner, shared);
        PendingInvitationToken = (await owner.InviteAsync(CaseId, CaseRole.Viewer)).Split('/')[^1];
        await CollectIdsAsync(app);

        foreach (var canary in _canaries)
        {
            Assert.DoesNotContain(_canaries, other => !ReferenceEquals(other, canary) && other.Value.Contains(canary.Value, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Twelve allies: Advocate, Helper, Viewer × evidence images on/off × export on/off, granted on the people page; the risk
    /// assessment shared with those who have exactly one of the two (so each role has it with and without export).
    /// </summary>
    private async Task AddAlliesAsync(AppFixture app, AppClient owner, Guid sharedIncident)
    {
        var number = 0;
        foreach (var role in new[] { CaseRole.Advocate, CaseRole.Helper, CaseRole.Viewer })
        {
            foreach (var images in new[] { false, true })
            {
                foreach (var export in new[] { false, true })
                {
                    number++;
                    var risk = images != export;
                    var name = OracleViewer.Describe(role, images, export, risk);
                    var username = Plant(CanaryClass.AllyName, $"{number:00}", $"username of {name}");
                    var link = await owner.InviteAsync(CaseId, role);
                    var client = app.CreateAppClient();
                    await client.SignUpAsync(username);
                    await ExpectRedirect(client.AcceptAsync(link), $"{name} accepting the invitation");
                    var userId = await UserIdAsync(app, username);
                    _canaries[^1] = _canaries[^1] with { AllyId = userId };
                    Labels[userId] = "{" + name + "}";
                    if (images)
                    {
                        await ExpectRedirect(owner.ManageAllyAsync(CaseId, "EvidenceImages", userId, ("grant", "true")), $"showing {name} evidence images");
                    }

                    if (export)
                    {
                        await ExpectRedirect(owner.ManageAllyAsync(CaseId, "Export", userId, ("allow", "true")), $"letting {name} export");
                    }

                    if (risk)
                    {
                        await ExpectRedirect(owner.ManageAllyAsync(CaseId, "RiskAssessment", userId, ("grant", "true")), $"sharing the risk assessment with {name}");
                    }

                    Viewers.Add(new OracleViewer(name, role, images, export, client, userId, username, risk));
                }
            }
        }

        // Allies who may write leave their mark, as allies do: an entry, and a place.
        var advocate = Viewers.First(v => v.Role == CaseRole.Advocate).Client;
        var byAdvocate = await advocate.AddIncidentAsync(CaseId, app.IncidentForm(Plant(CanaryClass.Shared, "ally-narrative", "narrative of an entry an advocate added")));
        Labels[byAdvocate] = "{incident by advocate}";
        var helper = Viewers.First(v => v.Role == CaseRole.Helper).Client;
        await ExpectRedirect(helper.AddSightingsAsync(CaseId, Reddit(Plant(CanaryClass.Shared, "ally-place", "URL of a place a helper added")), sharedIncident), "a helper's place");
    }

    private Dictionary<string, string> PrivateIncidentForm(AppFixture app, string field, string what) =>
        app.IncidentForm(
            Plant(CanaryClass.Private, field + "-narrative", "narrative of " + what),
            ("Url", Reddit(Plant(CanaryClass.Private, field + "-url", "URL of " + what))),
            ("AccountHandle", Plant(CanaryClass.Private, field + "-handle", "account handle of " + what)),
            ("Perpetrator", nameof(PerpetratorKnown.Known)),
            ("PerpetratorName", Plant(CanaryClass.Private, field + "-who", "who did it, of " + what)),
            ("EvidenceOfIt", Plant(CanaryClass.Private, field + "-evidenceofit", "evidence of it, of " + what)),
            ("WhoYouThink", Plant(CanaryClass.Private, field + "-whoyouthink", "who you think, of " + what)),
            ("EvidenceOfWho", Plant(CanaryClass.Private, field + "-evidenceofwho", "evidence of who, of " + what)),
            ("EvidenceStillNeeded", Plant(CanaryClass.Private, field + "-stillneeded", "evidence still needed, of " + what)),
            ("ContactPhone", Plant(CanaryClass.Private, field + "-phone", "the phone number they used, of " + what)),
            ("ContactEmail", Plant(CanaryClass.Private, field + "-email", "the email address they used, of " + what)),
            ("Demands[0]", "Money"),
            ("Demands[1]", "Other"),
            ("AmountAsked", Plant(CanaryClass.Private, field + "-amount", "the amount demanded, of " + what)),
            ("PaymentMethodAsked", Plant(CanaryClass.Private, field + "-method", "the payment method demanded, of " + what)),
            ("OtherDemand", Plant(CanaryClass.Private, field + "-otherdemand", "the other demand, of " + what)),
            ("DeadlineOn", PrivateDeadline(field == "incA" ? 2097 : 2098, what)),
            ("PaidAmount", Plant(CanaryClass.Private, field + "-paid", "the amount paid, of " + what)),
            ("PaidMethod", Plant(CanaryClass.Private, field + "-paidmethod", "how it was paid, of " + what)),
            ("PaidReference", Plant(CanaryClass.Private, field + "-paidref", "the payment reference, of " + what)));

    /// <summary>A deadline no other entry has, far ahead so the dashboard would show it: its words are a canary too.</summary>
    private string PrivateDeadline(int year, string what)
    {
        _canaries.Add(new Canary(string.Create(CultureInfo.InvariantCulture, $"17 Mar {year}"), CanaryClass.Private, "the deadline set in " + what));
        return string.Create(CultureInfo.InvariantCulture, $"{year}-03-17");
    }

    private static string Reddit(string canary) => $"https://www.reddit.com/r/example/comments/{canary}/post";

    /// <summary>A draft letter to reddit about the given places (ticked as a browser ticks several boxes); returns its id.</summary>
    private async Task<Guid> LetterAsync(AppClient owner, IReadOnlyList<Guid> places, IReadOnlyDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        var (action, values) = await owner.FormAsync($"/cases/{CaseId}/takedowns/new?platform=reddit", fields);
        values.Remove("Input.SightingIds");
        var posted = values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value))
            .Concat(places.Select(p => new KeyValuePair<string, string>("Input.SightingIds", p.ToString())));
        using var response = await owner.Http.PostAsync(action, new FormUrlEncodedContent(posted));
        var result = await AppClient.PageResult.ReadAsync(response);
        Assert.True(result.Status == HttpStatusCode.Redirect && result.Location is not null, $"Writing a letter answered {(int)result.Status}: {result.MainText}");
        return Guid.Parse(result.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task FinaliseAndSendAsync(AppClient owner, Guid letter, string name)
    {
        var url = $"/cases/{CaseId}/takedowns/{letter}";
        await ExpectRedirect(owner.SubmitAsync(url, new Dictionary<string, string>(), "handler=Finalise"), $"finalising {name}");
        await ExpectRedirect(
            owner.SubmitAsync(url, new Dictionary<string, string>
            {
                ["Send.Channel"] = "Form",
                ["Send.Reference"] = "REF-" + name,
                // Both sent letters are withheld from allies (they name a private place), and what their confirmation
                // said with them.
                ["Send.Confirmation"] = Plant(CanaryClass.Private, name + "-confirmation", $"what the confirmation of letter {name} said"),
            }, "handler=Send"),
            $"sending {name}");
        var page = await owner.GetAsync(url);
        Assert.Contains("Sent", page.MainText, StringComparison.Ordinal);
    }

    private async Task<List<(Guid Id, string Url)>> SightingsAsync(AppFixture app)
    {
        await using var db = app.CreateDbContext();
        db.ShowPrivateItems = true;
        return (await db.Sightings.Where(s => s.CaseId == CaseId).Select(s => new { s.Id, s.Url }).ToListAsync()).Select(s => (s.Id, s.Url)).ToList();
    }

    private static async Task<Guid> UserIdAsync(AppFixture app, string username)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
    }

    private async Task CollectIdsAsync(AppFixture app)
    {
        await using var db = app.CreateDbContext();
        db.ShowPrivateItems = true;
        Ids["caseId"] = [CaseId];
        Ids["incidentId"] = await db.Incidents.Where(i => i.CaseId == CaseId).Select(i => i.Id).ToListAsync();
        Ids["evidenceId"] = await db.EvidenceItems.Where(e => e.CaseId == CaseId).Select(e => e.Id).ToListAsync();
        Ids["sightingId"] = await db.Sightings.Where(s => s.CaseId == CaseId).Select(s => s.Id).ToListAsync();
        Ids["requestId"] = await db.TakedownRequests.Where(r => r.CaseId == CaseId).Select(r => r.Id).ToListAsync();
        Ids["assessmentId"] = await db.ThreatAssessments.Where(a => a.CaseId == CaseId).Select(a => a.Id).ToListAsync();
        Platforms.AddRange((await db.Incidents.Where(i => i.CaseId == CaseId).Select(i => i.Platform).ToListAsync())
            .Concat(await db.Sightings.Where(s => s.CaseId == CaseId).Select(s => s.Platform).ToListAsync())
            .Distinct(StringComparer.Ordinal));
        foreach (var id in Ids.Values.SelectMany(v => v).Where(id => !Labels.ContainsKey(id)))
        {
            Labels[id] = "{" + Ids.First(k => k.Value.Contains(id)).Key.Replace("Id", "", StringComparison.Ordinal) + "}";
        }
    }

    private static async Task ExpectRedirect(Task<AppClient.PageResult> step, string what)
    {
        var result = await step;
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Planting {what} answered {(int)result.Status}: {result.MainText}");
    }
}
