using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Documents.Binder;

/// <summary>
/// The binder's redaction rules in one place: how each picture starts out for a reader, what the person's choice becomes
/// for someone not shown evidence images, and which rendering of a picture may ever reach a page.
/// </summary>
public static class ExhibitRedaction
{
    /// <summary>
    /// How each picture starts out for this reader, the safest that still serves them: a picture may be an intimate one,
    /// so none is shown in full unless the person chooses it. A platform already has the content and needs its address
    /// and fingerprint, so its pictures are withheld (described only); everyone else gets them obscured.
    /// </summary>
    public static Redaction Safest(BinderPreset preset, bool drawn = true) => preset switch
    {
        BinderPreset.Platform => Redaction.Withhold,
        // A video or other file is never drawn, only described: describing it is already the safe choice.
        _ => drawn ? Redaction.Obscure : Redaction.None,
    };

    /// <summary>
    /// What one exhibit gets in this binder: withheld for someone not shown evidence images, whatever was chosen; else
    /// the person's choice; else, for an item added after the form was shown, see <see cref="BinderOptions.SafestWhenUnnamed"/>.
    /// </summary>
    public static Redaction Of(BinderOptions options, Guid evidenceId, EvidenceKind kind)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.PicturesShared ? Redaction.Withhold
            : options.Redactions.TryGetValue(evidenceId, out var redaction) ? redaction
            : options.SafestWhenUnnamed ? Safest(options.Preset, ExhibitResources.IsDrawn(kind))
            : Redaction.None;
    }

    /// <summary>
    /// Whether a picture may be served in this rendering: a withheld exhibit has no picture in the document, and an
    /// obscured one is only ever served pixelated, never in full.
    /// </summary>
    public static bool MayServe(Redaction redaction, bool obscured) =>
        redaction != Redaction.Withhold && (redaction != Redaction.Obscure || obscured);
}
