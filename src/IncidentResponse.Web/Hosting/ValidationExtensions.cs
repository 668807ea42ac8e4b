using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IncidentResponse.Web.Hosting;

public static class ValidationExtensions
{
    /// <summary>Copies FluentValidation's errors into ModelState under the bound property's prefix (e.g. <c>Input.</c>).</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(error.PropertyName) ? prefix : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }

    /// <summary>
    /// What was typed into a field that a page writes out by hand (not with <c>asp-for</c>): the posted text when the
    /// form is shown again, even when it could not be read (an impossible date, say), else the model's own value.
    /// </summary>
    public static string? TypedOr(this ModelStateDictionary modelState, string key, string? modelValue) =>
        modelState.TryGetValue(key, out var entry) && entry.AttemptedValue is { } typed ? typed : modelValue;

    /// <summary>What a person sees when something they typed cannot be read as what the field holds (a date, a number).</summary>
    public const string Unreadable = "Please check this: it isn't something we can read. Dates are day, month and year.";

    /// <summary>
    /// True when the framework could not read the field into its type (an impossible date, say). The field is then
    /// empty on the model, so an optional field would otherwise be saved as "not given" without a word.
    /// </summary>
    public static bool CouldNotRead(this ModelStateDictionary modelState, string key) =>
        modelState.GetFieldValidationState(key) == ModelValidationState.Invalid;
}
