using System.Text.RegularExpressions;
using Observatoire.Web.Pages.Notices;

namespace Observatoire.Tests.Notices;

/// <summary>
/// The crawler runs axe on every route template at the phone width only (<see cref="AccessibilityChecks.AxeEveryTemplateAt"/>),
/// which holds while a page shows the same content at every width. This reads every style sheet of the portal and fails on a
/// selector hidden below a maximum width that <see cref="AccessibilityChecks.HiddenOnPhones"/> does not list and justify.
/// </summary>
public class PhoneHidingTests
{
    [Fact]
    public void Every_selector_hidden_on_narrow_screens_is_listed_with_why_axe_sees_it_elsewhere()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Observatoire.sln"))) root = root.Parent!;
        var sheets = Directory.GetFiles(Path.Combine(root.FullName, "src", "Observatoire.Web", "wwwroot"), "*.css", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}")).ToList();
        Assert.NotEmpty(sheets);

        var hidden = sheets.SelectMany(f => HiddenBelowAWidth(File.ReadAllText(f)).Select(s => (File: Path.GetFileName(f), Selector: s))).ToList();

        var unlisted = hidden.Where(h => !AccessibilityChecks.HiddenOnPhones.ContainsKey(h.Selector)).Select(h => $"{h.File}: {h.Selector}");
        Assert.Empty(unlisted);
        // A listed selector no sheet hides any more is a stale reason.
        Assert.Empty(AccessibilityChecks.HiddenOnPhones.Keys.Except(hidden.Select(h => h.Selector)));
    }

    [Fact]
    public void The_reader_finds_a_hiding_inside_a_narrow_media_query_and_not_outside_it()
    {
        const string css = """
            .a { display: none; }
            @media (max-width: 30rem) { .b, .c .d { color: red; display: none } .e { display: block; } }
            @media (min-width: 56rem) { .f { display: none; } }
            @media screen and (max-width: 40rem) { .g { visibility: hidden; } }
            """;
        Assert.Equal([".b", ".c .d", ".g"], HiddenBelowAWidth(css));
    }

    /// <summary>The selectors of the rules that set display: none or visibility: hidden inside a max-width media query.</summary>
    private static List<string> HiddenBelowAWidth(string css)
    {
        css = Regex.Replace(css, @"/\*.*?\*/", "", RegexOptions.Singleline);
        var found = new List<string>();
        foreach (Match media in Regex.Matches(css, @"@media[^{]*max-width[^{]*\{"))
        {
            // The block's body: up to the brace that closes the media query.
            var depth = 1;
            var i = media.Index + media.Length;
            var start = i;
            for (; i < css.Length && depth > 0; i++) depth += css[i] == '{' ? 1 : css[i] == '}' ? -1 : 0;
            var body = css[start..(i - 1)];
            foreach (Match rule in Regex.Matches(body, @"([^{}]+)\{([^{}]*)\}"))
                if (Regex.IsMatch(rule.Groups[2].Value, @"display\s*:\s*none|visibility\s*:\s*hidden"))
                    found.AddRange(rule.Groups[1].Value.Split(',').Select(s => s.Trim()));
        }
        return found;
    }
}
