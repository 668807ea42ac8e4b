using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// Ties a field's error message to the field for assistive technology: <c>aria-invalid="true"</c> and the message's
/// id (rendered by <c>_FieldError</c> as <c>{field id}-error</c>) added to <c>aria-describedby</c>.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaValidationTagHelper : TagHelper
{
    // Run after the framework's input tag helpers have written id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var errorId = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing)
            ? $"{errorId} {existing.Value}"
            : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        output.Attributes.SetAttribute("aria-invalid", "true");
    }
}
