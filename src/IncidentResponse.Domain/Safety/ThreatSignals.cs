namespace IncidentResponse.Domain.Safety;

/// <summary>
/// Signals (flags) the answers raise, independent of the level. Each one changes what the safety plan shows
/// (see <see cref="SafetyPlanBuilder"/>).
/// </summary>
[Flags]
public enum ThreatSignals
{
    None = 0,

    /// <summary>The person demanded money, more images or contact ("Yes" to <c>demands</c>).</summary>
    Sextortion = 1,

    /// <summary>
    /// The images may show someone under 18 when they were made ("Yes" or "Not sure" to <c>under-18</c>): the
    /// under-18 services can say whether they can help, so uncertainty is enough to show them.
    /// </summary>
    UnderEighteen = 2,

    /// <summary>Personal details were published alongside the images ("Yes" to <c>doxxing</c>).</summary>
    DoxxingRisk = 4,

    /// <summary>
    /// The person may be able to get into the survivor's devices or accounts ("Yes" or "Not sure" to
    /// <c>device-access</c>): the extra guidance only adds caution, so uncertainty is enough.
    /// </summary>
    DeviceCompromise = 8,

    /// <summary>The person threatened to hurt or kill ("Yes" to <c>threat-of-harm</c> or <c>threat-to-kill</c>).</summary>
    ThreatOfViolence = 16,

    /// <summary>
    /// You have had, or may have had, thoughts of harming yourself ("Yes" or "Not sure" to <c>self-harm</c>): crisis
    /// lines are shown at once and first. Uncertainty is enough, because offering someone to talk to never hurts.
    /// </summary>
    SelfHarm = 32,

    /// <summary>
    /// Some images may have been made while the person could not consent: asleep, drunk, drugged or forced ("Yes" or
    /// "Not sure" to <c>made-without-consent</c>). The plan adds sexual assault support; uncertainty is enough. A high
    /// bit, so flags other work adds in between keep their values.
    /// </summary>
    MadeWithoutConsent = 1024,
}
