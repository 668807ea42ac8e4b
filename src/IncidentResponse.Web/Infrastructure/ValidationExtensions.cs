using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IncidentResponse.Web.Infrastructure;

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
}
