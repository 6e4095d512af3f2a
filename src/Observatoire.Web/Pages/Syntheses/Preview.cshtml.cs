using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// The synthesis in the browser, before it is generated: the very HTML the PDF is printed from, with the style
/// sheet linked instead of inline (the portal's CSP), under a bar to change the parameters or generate the PDF.
/// </summary>
[Authorize(Policy = Policies.Reader)]
[ReadsFromReplica]
public class PreviewModel(ObservatoireDbContext db, Suppression suppression, UserManager<AppUser> users, IAntiforgery antiforgery,
    ObservatorySettingsCache settings, AccountLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public SynthesisRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Input.Check().Any())
            // Back to the form, which shows each error next to its field with what was typed.
            return Redirect("/syntheses?verifier=true&" + (Input.From is null || Input.To is null ? RawQuery() : Input.ToQuery()));

        var request = Input.Normalized();
        var content = await SynthesisContent.LoadAsync(db, request, suppression, await settings.GetAsync(ct), ct);
        var user = await users.GetUserAsync(User);
        var stamp = new SynthesisDocument.Stamp(null, DateTime.UtcNow, user?.DisplayName ?? "", links.Absolute(""));
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        var head = $"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"stylesheet\" href=\"{SynthesisPrinter.StyleSheetPath}\">";
        var html = SynthesisDocument.Render(content, stamp, head, Bar(request, tokens));
        return Content(html, "text/html; charset=utf-8");
    }

    private string RawQuery() => Request.QueryString.HasValue ? Request.QueryString.Value![1..] : "";

    private static string Bar(SynthesisRequest request, AntiforgeryTokenSet tokens)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var sb = new StringBuilder();
        sb.Append("<div class=\"preview-bar\" role=\"region\" aria-label=\"Aperçu de la synthèse\">");
        sb.Append("<p><strong>Aperçu</strong> — le PDF a le même contenu, paginé, avec les numéros de page et sa référence.</p>");
        sb.Append($"<a href=\"/syntheses?{E(request.ToQuery())}\">Modifier les paramètres</a>");
        sb.Append("<form method=\"post\" action=\"/syntheses\">");
        sb.Append($"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">");
        void Hidden(string name, string? value)
        {
            if (value is not null) sb.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\">");
        }
        Hidden("du", request.From?.ToString("yyyy-MM-dd"));
        Hidden("au", request.To?.ToString("yyyy-MM-dd"));
        foreach (var slug in request.Territories) Hidden("territoire", slug);
        foreach (var slug in request.Themes) Hidden("theme", slug);
        foreach (var slug in request.Audiences) Hidden("public", slug);
        foreach (var id in request.Surveys) Hidden("enquetes", id.ToString());
        foreach (var id in request.Reports) Hidden("retours", id.ToString());
        Hidden("titre", request.Title);
        sb.Append("<button type=\"submit\">Générer le PDF</button></form></div>\n");
        return sb.ToString();
    }
}
