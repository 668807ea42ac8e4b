using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IncidentResponse.Domain.Safety;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Every page of the app that takes a post, found from its endpoints (not a hand-written list), a case seeded with one
/// of everything so each such page can be opened with real ids, and the post forms on a page read as a browser would.
/// </summary>
public static partial class FormCatalog
{
    /// <summary>The forms every page carries in its header and idle warning; each has its own tests.</summary>
    private static readonly string[] LayoutActions = ["/account/sign-out", "/account/session/extend"];

    /// <summary>Every routed page with at least one POST handler: its route and the handler names.</summary>
    public static async Task<IReadOnlyList<PostPage>> PagesTakingPostsAsync(AppFixture app)
    {
        _ = app.Server;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = new List<PostPage>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var handlers = compiled.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Name ?? "")
                .Distinct()
                .ToList();
            if (handlers.Count > 0)
            {
                pages.Add(new PostPage(endpoint.RoutePattern.RawText!.TrimStart('/'), handlers));
            }
        }

        return pages.GroupBy(p => p.Route).Select(g => g.First()).OrderBy(p => p.Route, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A new person with a case holding one of everything a route can name: an entry, a place found, a file, an
    /// assessment, letters in each state (draft, finalised, sent), an invitation and a binder job that ended; their
    /// passphrase freshly confirmed.
    /// </summary>
    public static async Task<SeededCase> SeedCaseAsync(AppFixture app)
    {
        var (owner, username, caseId) = await app.NewSurvivorWithCaseAsync("Hostile input");
        Expect(await owner.SubmitAsync("/account/confirm", new Dictionary<string, string> { ["Input.Passphrase"] = Journeys.GoodPassphrase }), "confirming the passphrase");
        var incidentId = await owner.AddIncidentAsync(caseId, app.IncidentForm());
        Expect(await owner.AddSightingsAsync(caseId, "https://www.reddit.com/r/example/comments/abc", incidentId), "adding a place found");
        var evidenceId = await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "screenshot.png");

        Expect(await owner.TakeAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.Yes)), "finishing the assessment");

        var draft = await DraftLetterAsync(app, owner, caseId);
        var finalised = await DraftLetterAsync(app, owner, caseId);
        Expect(await owner.SubmitAsync($"/cases/{caseId}/takedowns/{finalised}", new Dictionary<string, string>(), "handler=Finalise"), "finalising a letter");
        var sent = await DraftLetterAsync(app, owner, caseId);
        Expect(await owner.SubmitAsync($"/cases/{caseId}/takedowns/{sent}", new Dictionary<string, string>(), "handler=Finalise"), "finalising a letter");
        Expect(await owner.SubmitAsync($"/cases/{caseId}/takedowns/{sent}", new Dictionary<string, string>
        {
            ["Send.Channel"] = "Form",
            ["Send.SentOn"] = app.Day(1),
            ["Send.Reference"] = "REF-1",
        }, "handler=Send"), "sending a letter");
        var invitation = await owner.InviteAsync(caseId, IncidentResponse.Domain.Cases.CaseRole.Helper, "A friend");

        await using var db = app.CreateDbContext();
        // A binder job of this person's that no runner will take up (it ended): its page and handlers exist to be tried.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var job = new IncidentResponse.Domain.Binders.BinderJob
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            UserId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync(),
            State = IncidentResponse.Domain.Binders.BinderJobState.Failed,
            Failure = IncidentResponse.Domain.Binders.BinderJobFailure.PrintFailed,
            CreatedUtc = now,
            FinishedUtc = now,
            ExpiresUtc = now + IncidentResponse.Domain.Binders.BinderJob.Lifetime,
        };
        db.BinderJobs.Add(job);
        await db.SaveChangesAsync();
        var ids = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["jobId"] = [job.Id.ToString()],
            ["caseId"] = [caseId.ToString()],
            ["incidentId"] = [incidentId.ToString()],
            ["evidenceId"] = [evidenceId.ToString()],
            ["sightingId"] = [(await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync()).ToString()],
            ["assessmentId"] = [(await db.ThreatAssessments.Where(a => a.CaseId == caseId).Select(a => a.Id).FirstAsync()).ToString()],
            ["requestId"] = [draft.ToString(), finalised.ToString(), sent.ToString()],
            ["number"] = ["1"],
            ["token"] = [invitation.Split('/')[^1]],
            ["code"] = ["404"],
        };
        return new SeededCase(owner, username, caseId, ids);
    }

    private static async Task<Guid> DraftLetterAsync(AppFixture app, AppClient owner, Guid caseId)
    {
        await using var db = app.CreateDbContext();
        var sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).FirstAsync();
        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Expect(draft, "drafting a letter");
        return Guid.Parse(draft.Location!.OriginalString.Split('/')[^1]);
    }

    private static void Expect(AppClient.PageResult result, string what)
    {
        if (result.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Seeding failed at {what} ({(int)result.Status}): {result.MainText}");
        }
    }

    /// <summary>Real addresses for a route: every parameter filled from the seeded case (one address per letter state).</summary>
    public static IReadOnlyList<string> UrlsFor(string route, SeededCase seeded)
    {
        var urls = new List<string> { "/" + route };
        foreach (Match parameter in RouteParameter().Matches(route))
        {
            var name = parameter.Groups["name"].Value;
            if (!seeded.Ids.TryGetValue(name, out var values))
            {
                throw new InvalidOperationException($"No seeded value for {{{name}}} in {route}: seed one in FormCatalog.SeedCaseAsync.");
            }

            urls = urls.SelectMany(u => values.Select(v => u.Replace(parameter.Value, v, StringComparison.Ordinal))).ToList();
        }

        return urls;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[a-z]+)?\??\}")]
    private static partial Regex RouteParameter();

    /// <summary>The post forms on a page, leaving out the header's sign-out and the idle warning's forms.</summary>
    public static IReadOnlyList<PostForm> PostFormsOn(AppClient.PageResult page, string pageUrl) =>
        page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Where(f => !LayoutActions.Contains(f.GetAttribute("action") ?? "", StringComparer.Ordinal))
            .Select(f => Read(f, pageUrl))
            .ToList();

    private static PostForm Read(IHtmlFormElement form, string pageUrl)
    {
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        var fields = form.QuerySelectorAll("input, textarea, select")
            .Where(e => e.GetAttribute("name") is { Length: > 0 } name && name != "__rvt")
            .Select(ReadField)
            .Where(f => f.Kind is not ("submit" or "button" or "reset" or "image"))
            .ToList();
        var submitters = form.QuerySelectorAll("button, input[type=submit]")
            .Where(b => (b.GetAttribute("type") ?? "submit") == "submit")
            .Select(b => new Submitter(
                b.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : action,
                b.GetAttribute("name"),
                b.GetAttribute("value") ?? ""))
            .Distinct()
            .ToList();
        if (submitters.Count == 0)
        {
            submitters.Add(new Submitter(action, null, ""));
        }

        var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        return new PostForm(action, multipart, fields, submitters);
    }

    private static FormField ReadField(IElement e)
    {
        var kind = e.LocalName switch
        {
            "textarea" => "textarea",
            "select" => "select",
            _ => (e.GetAttribute("type") ?? "text").ToLowerInvariant(),
        };
        var value = kind switch
        {
            "textarea" => e.TextContent.StartsWith('\n') ? e.TextContent[1..] : e.TextContent,
            "select" => (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))?.GetAttribute("value") ?? "",
            "checkbox" => e.GetAttribute("value") ?? "on",
            _ => e.GetAttribute("value") ?? "",
        };
        return new FormField(e.GetAttribute("name")!, kind, value, e.HasAttribute("checked"));
    }

    /// <summary>Posts a form as a browser would (multipart when the form says so: the token first, any file last).</summary>
    public static async Task<AppClient.PageResult> PostAsync(AppClient client, string token, PostForm form, Submitter submitter, IReadOnlyList<KeyValuePair<string, string>> values, bool withToken = true)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (withToken)
        {
            fields.Add(new("__rvt", token));
        }

        fields.AddRange(values);
        if (submitter.Name is { } name)
        {
            fields.Add(new(name, submitter.Value));
        }

        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                multipart.Add(new StringContent(value), key);
            }

            foreach (var file in form.Fields.Where(f => f.Kind == "file"))
            {
                var bytes = new ByteArrayContent(TestImages.Png(8, 8));
                bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(bytes, file.Name, "screenshot.png");
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        using (content)
        {
            using var response = await client.Http.PostAsync(submitter.Url, content);
            return await AppClient.PageResult.ReadAsync(response);
        }
    }

    /// <summary>What a browser sends for the fields left as they are: current values, checked choices only.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Defaults(PostForm form) =>
        form.Fields
            .Where(f => f.Kind is not ("file" or "radio" or "checkbox") || (f.Kind != "file" && f.Checked))
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    public sealed record PostPage(string Route, IReadOnlyList<string> Handlers)
    {
        public bool IsCaseScoped => Route.StartsWith("cases/{caseId", StringComparison.Ordinal);
    }

    public sealed record SeededCase(AppClient Owner, string Username, Guid CaseId, IReadOnlyDictionary<string, IReadOnlyList<string>> Ids) : IDisposable
    {
        public void Dispose() => Owner.Dispose();
    }

    public sealed record PostForm(string Action, bool Multipart, IReadOnlyList<FormField> Fields, IReadOnlyList<Submitter> Submitters)
    {
        /// <summary>Names a form across reloads of its page (its address and its fields).</summary>
        public string Key => Action.Split('?')[0] + "?" + (Action.Split('?') is [_, var query] ? query : "") + "|" + string.Join(",", Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>One of a form's fields: its name, input type (or textarea / select), current value and checked state.</summary>
    public sealed record FormField(string Name, string Kind, string Value, bool Checked)
    {
        /// <summary>Fields a person types into (or a page keeps hidden): the ones hostile values go into.</summary>
        public bool IsTyped => Kind is "text" or "search" or "url" or "email" or "tel" or "password" or "date" or "time"
            or "datetime-local" or "month" or "week" or "number" or "textarea" or "hidden";
    }

    /// <summary>A submit button: where it posts (its formaction or the form's action) and any name/value it adds.</summary>
    public sealed record Submitter(string Url, string? Name, string Value);
}
