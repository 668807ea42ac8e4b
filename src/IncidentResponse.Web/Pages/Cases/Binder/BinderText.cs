namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// The words of the binder pages (choosing what goes in, and the progress of one being made): <c>BinderText.resx</c> in
/// English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). Only the pages: the binder itself stays English
/// (<see cref="BinderWords"/>, the Documents project).
/// </summary>
public sealed class BinderText;
