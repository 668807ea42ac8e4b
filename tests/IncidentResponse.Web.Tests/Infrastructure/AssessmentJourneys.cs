using System.Net;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>Taking the threat assessment as a person does: one step at a time, through each screen's own form.</summary>
public static class AssessmentJourneys
{
    /// <summary>Every question answered <paramref name="answer"/>, except the ones named.</summary>
    public static Dictionary<string, ThreatAnswer> AllAnswered(ThreatAnswer answer, params (string Id, ThreatAnswer Answer)[] overrides)
    {
        var answers = ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => answer, StringComparer.Ordinal);
        foreach (var (id, value) in overrides)
        {
            answers[id] = value;
        }

        return answers;
    }

    /// <summary>
    /// Answers the questions each screen shows (those in <paramref name="answers"/>), presses Next on every step and
    /// Finish on the last, and returns the last response: a redirect to the result when finished. Every intermediate
    /// screen must come back 200 at the next step.
    /// </summary>
    public static async Task<AppClient.PageResult> TakeAssessmentAsync(this AppClient client, Guid caseId, IReadOnlyDictionary<string, ThreatAnswer> answers)
    {
        var url = $"/cases/{caseId}/assessment";
        var page = await client.GetAsync(url);
        for (var step = 1; step <= ThreatQuestionnaire.Steps.Count; step++)
        {
            var last = step == ThreatQuestionnaire.Steps.Count;
            var fields = AnswersOnScreen(page, answers);
            fields["Input.Intent"] = last ? "finish" : "next";
            page = await client.SubmitOnAsync(page, url, fields);
            if (!last && (page.Status != HttpStatusCode.OK || page.FieldValue("Input.Step") != (step + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                throw new InvalidOperationException($"Step {step} of the assessment did not lead on ({(int)page.Status}): {page.MainText}");
            }
        }

        return page;
    }

    /// <summary>Takes the assessment and expects the redirect to its result; returns the result's address.</summary>
    public static async Task<string> CompleteAssessmentAsync(this AppClient client, Guid caseId, IReadOnlyDictionary<string, ThreatAnswer> answers)
    {
        var done = await client.TakeAssessmentAsync(caseId, answers);
        return done.Status == HttpStatusCode.Redirect
            ? done.Location!.OriginalString
            : throw new InvalidOperationException($"Finishing the assessment answered {(int)done.Status}: {done.MainText}");
    }

    /// <summary>The radio choices the screen shows, filled from <paramref name="answers"/>.</summary>
    public static Dictionary<string, string> AnswersOnScreen(AppClient.PageResult page, IReadOnlyDictionary<string, ThreatAnswer> answers) =>
        page.Document.QuerySelectorAll("main form input[type=radio]")
            .Select(r => r.GetAttribute("name")!)
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Id: name["Input.Answers[".Length..^1]))
            .Where(q => answers.ContainsKey(q.Id))
            .ToDictionary(q => q.Name, q => answers[q.Id].ToString(), StringComparer.Ordinal);
}
