using IncidentResponse.Domain.Incidents;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// What a logged contact tells the threat assessment: each thing it shows answers one question "Yes". A contact only
/// ever adds: it never turns a "Yes" or "Not sure" into anything else, and it never answers a question it says nothing
/// about (a contact without a threat of violence does not mean there was none). Pure: no clock, no I/O.
/// </summary>
public static class ContactFindings
{
    /// <summary>The questions <paramref name="contact"/> answers "Yes", in questionnaire order.</summary>
    public static IReadOnlyList<string> QuestionsAnswered(ContactDetails contact, bool underEighteen)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var tidy = contact.Tidy();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (tidy.Demands != ContactDemands.None)
        {
            ids.Add(Demands);
        }

        if (tidy.HasDeadline)
        {
            ids.Add(Deadline);
        }

        if ((tidy.Threats & (ContactThreats.ShareImages | ContactThreats.SendToFamilyOrEmployer)) != ContactThreats.None)
        {
            ids.Add(ThreatToShare);
        }

        if (tidy.Threats.HasFlag(ContactThreats.Violence))
        {
            ids.Add(ThreatOfHarm);
        }

        if (tidy.Threats.HasFlag(ContactThreats.SelfHarmAsPressure))
        {
            ids.Add(ThreatenedSuicide);
        }

        if (underEighteen && ids.Count > 0)
        {
            ids.Add(UnderEighteen);
        }

        return Questions.Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToList();
    }

    /// <summary>
    /// <paramref name="answers"/> with every question the contact answers set to "Yes", and the ids that changed (empty
    /// when the contact adds nothing the answers did not already say).
    /// </summary>
    public static (IReadOnlyDictionary<string, ThreatAnswer> Answers, IReadOnlyList<string> Added) Raise(
        IReadOnlyDictionary<string, ThreatAnswer> answers, ContactDetails contact, bool underEighteen)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var raised = new Dictionary<string, ThreatAnswer>(answers, StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var id in QuestionsAnswered(contact, underEighteen))
        {
            if (!raised.TryGetValue(id, out var before) || before != ThreatAnswer.Yes)
            {
                raised[id] = ThreatAnswer.Yes;
                added.Add(id);
            }
        }

        return (raised, added);
    }
}
