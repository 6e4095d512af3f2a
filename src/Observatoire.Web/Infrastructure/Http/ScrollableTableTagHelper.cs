using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// A table wider than the screen scrolls inside its <c>div.table-wrap</c>; a keyboard user can only scroll what can take
/// the focus (axe « scrollable-region-focusable »). Every wrapper is therefore a focusable, named region, whichever page
/// writes it. A page may name the region itself with <c>aria-label</c>.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class=table-wrap]")]
public class ScrollableTableTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        if (!output.Attributes.ContainsName("aria-label") && !output.Attributes.ContainsName("aria-labelledby"))
            output.Attributes.SetAttribute("aria-label", "Tableau (faites-le défiler s'il dépasse l'écran)");
    }
}
