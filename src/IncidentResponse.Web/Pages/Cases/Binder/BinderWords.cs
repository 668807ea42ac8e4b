using IncidentResponse.Documents.Binder;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>The app's words and the person's audience, handed to the binder's composer (which knows nothing of the web app).</summary>
public static class BinderWords
{
    /// <summary>Moments in the person's own time beside UTC, and dates, incidents and letters worded as on the case's pages.</summary>
    public static BinderWording For(LocalTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return new BinderWording(
            times.BesideUtc,
            IncidentWording.Date,
            incident => IncidentWording.WhenBesideUtc(incident.OccurredOn, incident.OccurredAt, incident.TimeZone, incident.SeriesEndOn),
            IncidentWording.PerpetratorText,
            TakedownLetters.StatusText,
            HistoryWording.IntactForAlly,
            HistoryWording.BrokenForAlly);
    }

    /// <summary>What the binder may say of the people on the case and of its history, for this audience.</summary>
    public static BinderAudience ForBinder(this CaseAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return new BinderAudience(audience.SeesWholeHistory, (person, username) => audience.NameInDocumentOf(person, username));
    }
}
