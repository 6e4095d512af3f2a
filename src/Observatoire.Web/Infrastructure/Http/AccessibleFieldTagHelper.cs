using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Marks a field with errors as aria-invalid and points it at its message (id "{field}-erreur"),
/// so screen readers announce what to fix. Pair with <c>&lt;span asp-validation-for&gt;</c> rendered by _FieldError.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public class AccessibleFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    // Run after the framework's tag helpers, which set id and name.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // One bound for a text field: the model's [StringLength]/[MaxLength] (itself the column's length) gives the
        // form's maxlength, so that the form, the model and the database cannot disagree.
        // A view may state a tighter bound (a list's own length), never a looser one.
        if (output.TagName is "input" or "textarea" && MaxLength(For.Metadata) is int max
            && !(output.Attributes.TryGetAttribute("maxlength", out var given)
                 && int.TryParse(given.Value?.ToString(), out var stated) && stated <= max))
            output.Attributes.SetAttribute("maxlength", max.ToString(CultureInfo.InvariantCulture));
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var errorId = ErrorId(name);
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing)
            ? existing.Value + " " + errorId : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }

    /// <summary>The largest length the model accepts for a string property, or null when it states none.</summary>
    public static int? MaxLength(ModelMetadata metadata)
    {
        if (metadata.ModelType != typeof(string) || metadata.ContainerType?.GetProperty(metadata.PropertyName ?? "") is not { } property)
            return null;
        return property.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
            ?? property.GetCustomAttribute<MaxLengthAttribute>()?.Length;
    }

    public static string ErrorId(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_") + "-erreur";
}

/// <summary>The error message of a field, with the id that <see cref="AccessibleFieldTagHelper"/> points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public class FieldErrorIdTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")] public ModelExpression For { get; set; } = null!;
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("id", AccessibleFieldTagHelper.ErrorId(name));
        if (!output.Attributes.ContainsName("class")) output.Attributes.SetAttribute("class", "field-error");
    }
}
