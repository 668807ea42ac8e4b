using System.Resources;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Web.Pages.Cases.Safety;

/// <summary>The safety plan's statuses, sections and the safety questions' answers in plain words, in the request's language.</summary>
public static class SafetyWording
{
    private static readonly ResourceManager Resources = new(typeof(SafetyPagesText));

    public static string StatusText(SafetyStepStatus status) => Words(status switch
    {
        SafetyStepStatus.Doing => "Status.Doing",
        SafetyStepStatus.Done => "Status.Done",
        SafetyStepStatus.NotForMe => "Status.NotForMe",
        _ => "Status.ToDo",
    });

    public static string SectionText(SafetySection section) => Words(section switch
    {
        SafetySection.Now => "Section.Now",
        SafetySection.Then => "Section.Then",
        _ => "Section.Consider",
    });

    public static string PerpetratorText(PerpetratorKnown value) => Words(value switch
    {
        PerpetratorKnown.Known => "Perpetrator.Known",
        PerpetratorKnown.Unknown => "Perpetrator.Unknown",
        _ => "Perpetrator.NotSure",
    });

    public static string LegalActionText(LegalActionIntent value) => Words(value switch
    {
        LegalActionIntent.Yes => "LegalAction.Yes",
        LegalActionIntent.No => "LegalAction.No",
        _ => "LegalAction.Undecided",
    });

    private static string Words(string key) => Localized.Text(Resources, key);
}
