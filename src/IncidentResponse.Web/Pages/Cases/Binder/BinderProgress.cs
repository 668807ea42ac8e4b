using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Binders;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// How far one binder's print has got, as <see cref="BinderPrinter"/> reports it: the part being made and "exhibit k
/// of n", counted by the pictures the printer asks for. Read from another thread (the job's pulse writes it to the
/// database), so every field is read and written whole.
/// </summary>
public sealed class BinderProgress
{
    private int _phase;
    private int _done;
    private int _total;

    public BinderJobPhase Phase => (BinderJobPhase)Volatile.Read(ref _phase);

    public int ExhibitsDone => Volatile.Read(ref _done);

    public int ExhibitsTotal => Volatile.Read(ref _total);

    /// <summary>The pictures the print will ask for: every exhibit shown or obscured that can be drawn (withheld ones never are).</summary>
    public static int PicturesIn(BinderDocument binder)
    {
        ArgumentNullException.ThrowIfNull(binder);
        return binder.Exhibits.Count(e => e.Redaction != Redaction.Withhold && ExhibitResources.IsDrawn(e.Item.Kind));
    }

    public void Begin(BinderJobPhase phase) => Volatile.Write(ref _phase, (int)phase);

    public void Expect(int pictures) => Volatile.Write(ref _total, Math.Max(0, pictures));

    /// <summary>One more picture handed to the printer; never counts past the total.</summary>
    public void PictureServed()
    {
        int seen, next;
        do
        {
            seen = Volatile.Read(ref _done);
            next = Math.Min(seen + 1, Math.Max(seen, ExhibitsTotal));
        }
        while (Interlocked.CompareExchange(ref _done, next, seen) != seen);
    }

    /// <summary>The print is done: every picture it needed was served.</summary>
    public void AllServed() => Volatile.Write(ref _done, ExhibitsTotal);
}
