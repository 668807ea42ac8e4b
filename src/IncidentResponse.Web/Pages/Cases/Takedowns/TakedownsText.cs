namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// The words of the takedown pages around the letter (the list, writing, editing and tracking a letter):
/// <c>TakedownsText.resx</c> in English, with <c>.es</c> and <c>.fr</c> beside it (ADR 0030). The letter itself, its
/// PDF and its text download stay English (<see cref="TakedownLetters"/>). The views of <c>Cases/Takedowns</c> read
/// them as <c>T["Key"]</c>; <see cref="TakedownWording"/> reads them for C#.
/// </summary>
public sealed class TakedownsText;
