using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Web.Pages.Cases.Safety;

/// <summary>The safety plan's statuses, sections and the safety questions' answers in plain words.</summary>
public static class SafetyWording
{
    public static string StatusText(SafetyStepStatus status) => status switch
    {
        SafetyStepStatus.Doing => "Doing",
        SafetyStepStatus.Done => "Done",
        SafetyStepStatus.NotForMe => "Not for me",
        _ => "To do",
    };

    public static string SectionText(SafetySection section) => section switch
    {
        SafetySection.Now => "Now",
        SafetySection.Then => "Then",
        _ => "Worth considering",
    };

    public static string PerpetratorText(PerpetratorKnown value) => value switch
    {
        PerpetratorKnown.Known => "Yes, I know who it is",
        PerpetratorKnown.Unknown => "No, I don't know who it is",
        _ => "I'm not sure",
    };

    public static string LegalActionText(LegalActionIntent value) => value switch
    {
        LegalActionIntent.Yes => "Yes, or I might",
        LegalActionIntent.No => "No",
        _ => "I haven't decided",
    };
}
