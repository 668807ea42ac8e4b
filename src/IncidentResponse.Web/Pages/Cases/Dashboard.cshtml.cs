using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>The case dashboard: the journey's steps and how far along each one is.</summary>
public sealed class DashboardModel(AppDbContext db) : CasePageModel
{
    public string Title { get; private set; } = "";

    public IReadOnlyList<JourneyStep> Steps { get; private set; } = [];

    public int DoneCount => Steps.Count(s => s.State == StepState.Done);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Title = await db.Cases.AsNoTracking().Where(c => c.Id == CaseId).Select(c => c.Title).SingleAsync(cancellationToken);
        Steps = JourneyStep.For();
        return Page();
    }
}

public enum StepState
{
    NotAvailableYet,
    NotStarted,
    InProgress,
    Done,
}

public sealed record JourneyStep(string Name, string Description, StepState State)
{
    public string StateText => State switch
    {
        StepState.Done => "Done",
        StepState.InProgress => "In progress",
        StepState.NotStarted => "Not started",
        _ => "Not available yet",
    };

    /// <summary>The six steps of the journey; each later part of the app reports its own progress here.</summary>
    public static IReadOnlyList<JourneyStep> For() =>
    [
        new("Safety first", "Your physical safety, someone to talk to, and saving evidence before anything is deleted.", StepState.NotAvailableYet),
        new("Understand the risk", "A few questions that shape your next steps.", StepState.NotAvailableYet),
        new("Keep a record", "What happened, when and where, with your screenshots kept exactly as saved.", StepState.NotAvailableYet),
        new("Get it taken down", "Platform by platform, with letters written for you and tracked until the content is gone.", StepState.NotAvailableYet),
        new("Evidence binder", "A printable record for the police, a lawyer or a platform.", StepState.NotAvailableYet),
        new("Trusted allies", "Invite someone you trust to help, and remove them whenever you choose.", StepState.NotAvailableYet),
    ];
}
