using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// ASP.NET's validation summary writes <c>&lt;li style="display:none"&gt;</c> when it has nothing to list (for client-side
/// validation, which the portal does not load); the Content Security Policy (<c>style-src 'self'</c>) blocks that inline style
/// and the browser logs an error on every form. This runs after the framework's helper and drops that empty item; the empty
/// summary stays hidden by its class (<c>.validation-summary-valid</c>).
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public class EmptyValidationSummaryTagHelper : TagHelper
{
    private const string HiddenItem = "<li style=\"display:none\"></li>";

    // The framework's ValidationSummaryTagHelper has order -1000: this one reads what it wrote.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var written = output.PostContent.GetContent();
        if (written.Contains(HiddenItem, StringComparison.Ordinal))
            output.PostContent.SetHtmlContent(written.Replace(HiddenItem, "", StringComparison.Ordinal));
    }
}
