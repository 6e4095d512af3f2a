using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Observatoire.IntegrationTests.Wiki;
using Observatoire.Web.Infrastructure;
using Xunit.Abstractions;
using static Observatoire.IntegrationTests.Security.HostileCorpus;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// #21: the values the portal keeps (<see cref="HostileCorpus.Payloads"/> and the classes of
/// <see cref="HostileCorpus.Classes"/> that <see cref="UserText"/> does not refuse) read back unchanged in every output
/// that carries typed text. One record per output holds the whole corpus, typed through the portal's own forms: an
/// observation (its page, the CSV and JSON exports), an event (the iCalendar feed) and a wiki page whose revisions carry
/// the corpus as comments (the Atom feed of recent changes), and a synthesis titled with one (the PDF's text). The changes each output states, and only those:
/// the CSV's protective apostrophe before a cell a spreadsheet would read as a formula; the calendar's description is
/// the plain text the Markdown renders to (stored beside it), with a tab become a space (RFC 5545 allows no control
/// character); a form takes the white space off both ends of a value (UserText.Outer: « \t=1+1 » is saved « =1+1 »).
/// </summary>
public class ReadBackTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    private static readonly string[] Kept = [.. Payloads, .. Classes.Where(c => UserText.Problem(c.Value) is null).Select(c => c.Value)];

    private static string Normalised(string? s) => (s ?? "").Replace("\r\n", "\n");

    private readonly List<string> _failures = [];
    private int _checked;

    private void Same(string expected, string? actual, string where)
    {
        _checked++;
        if (Normalised(actual) != Normalised(expected))
            _failures.Add($"{where} : relu « {Excerpt(Normalised(actual))} » au lieu de « {Excerpt(expected)} » (premier écart au caractère {FirstDifference(Normalised(expected), Normalised(actual))})");
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i + 1;
    }

    /// <summary>The form was saved; else the messages it came back with.</summary>
    private static async Task AssertSaved(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return;
        var page = await response.ReadHtml();
        Assert.Fail($"{what} : {(int)response.StatusCode} " + string.Join(" | ", page.QuerySelectorAll(".field-error, .error-summary li").Select(e => e.TextContent.Trim())));
    }

    [Fact]
    public async Task Kept_values_read_back_unchanged_in_the_page_the_exports_the_calendar_and_the_feed()
    {
        var (structure, theme, tool) = await Portal.Seed(s => (s.Structure("Centre social Pluriel"), s.Theme("Emploi"), s.Tool("Nextcloud")));
        var client = await Portal.SignedInAs(Roles.Coordination, structure.Id);
        var visitor = Portal.CreateClient();
        var corpus = string.Join("\n\n", Kept);
        var formula = Classes.Single(c => c.Class == "formule").Value + " ZR01";
        var script = Classes.Single(c => c.Class == "script").Value + " ZR02";
        var markdown = Classes.Single(c => c.Class == "Markdown").Value + " ZR03";

        // An observation: its page, then the CSV (the title starts with « = »: the export's apostrophe) and the JSON.
        using var created = await client.SubmitFilled("/observations/nouvelle", new Dictionary<string, string>
        {
            ["Input.Title"] = formula, ["Input.Description"] = corpus, ["Input.WhatWorked"] = script, ["Input.Difficulties"] = markdown,
            ["Input.StructureId"] = structure.Id.ToString(), ["Input.ThemeIds"] = theme.Id.ToString(), ["Input.ToolIds"] = tool.Id.ToString(), ["Intent"] = "soumettre",
        });
        await AssertSaved(created, "observation");
        var detail = created.Headers.Location!.OriginalString.Split('?')[0];
        var id = int.Parse(detail.Split('/').Last());
        using (var validated = await client.PostForm(detail, new Dictionary<string, string>(), "form[action*='handler=Valider']"))
            await AssertSaved(validated, "validation");
        var page = await client.GetHtml(detail);
        AssertHarmless(page, detail, _failures);
        foreach (var shown in new[] { formula, script, markdown, new string('m', 8000) })
        {
            _checked++;
            AssertShown(page, shown, detail, _failures);
        }
        var csv = ParseCsv(await client.GetStringAsync("/observations/export.csv"));
        var header = csv[0];
        var row = csv.Single(r => r[header.IndexOf("Numéro")] == id.ToString());
        Same("'" + formula, row[header.IndexOf("Titre")], "export CSV, Titre");
        Same(corpus, row[header.IndexOf("Description")], "export CSV, Description");
        Same(script, row[header.IndexOf("Ce qui a bien fonctionné")], "export CSV, Ce qui a bien fonctionné");
        Same(markdown, row[header.IndexOf("Difficultés")], "export CSV, Difficultés");
        var json = JsonDocument.Parse(await client.GetStringAsync("/observations/export.json")).RootElement.EnumerateArray()
            .Single(o => o.GetProperty("Id").GetInt32() == id);
        Same(formula, json.GetProperty("Titre").GetString(), "export JSON, Titre");
        Same(corpus, json.GetProperty("Description").GetString(), "export JSON, Description");
        Same(script, json.GetProperty("CeQuiAFonctionne").GetString(), "export JSON, CeQuiAFonctionne");
        Same(markdown, json.GetProperty("Difficultes").GetString(), "export JSON, Difficultes");

        // An event: the public calendar.
        var day = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd");
        using (var ev = await client.SubmitFilled("/evenements/nouveau", new Dictionary<string, string>
        {
            ["Input.Title"] = script, ["Input.Place"] = markdown, ["Input.Description"] = corpus,
            ["Input.Date"] = day, ["Input.EndDate"] = day, ["Input.StartTime"] = "14:00", ["Input.EndTime"] = "16:00", ["Input.OpenToPublic"] = "true",
        }))
            await AssertSaved(ev, "événement");
        var vevent = ICalendarEvents(await visitor.GetStringAsync("/evenements/calendrier.ics")).Single(e => e.GetValueOrDefault("SUMMARY") == script);
        Same(script, vevent["SUMMARY"], "iCalendar, SUMMARY");
        Same(markdown, vevent.GetValueOrDefault("LOCATION"), "iCalendar, LOCATION");
        var text = (await Portal.Db(db => db.Events.Where(e => e.Title == script).Select(e => e.DescriptionText).SingleAsync())).Replace("\t", " ");
        var description = vevent.GetValueOrDefault("DESCRIPTION") ?? "";
        Same(text, description[..Math.Min(description.Length, text.Length)], "iCalendar, DESCRIPTION");
        foreach (var plain in new[] { new string('m', 8000), Classes.Single(c => c.Class == "URL de 1 000 caractères").Value })
            if (!description.Contains(plain)) _failures.Add($"iCalendar, DESCRIPTION : « {Excerpt(plain)} » absent");

        // A wiki page: each value that fits a revision comment (300 characters) is the comment of one revision.
        var comments = Kept.Where(k => k.Length <= 300).ToList();
        for (var n = 0; n < comments.Count; n++)
        {
            var editor = await client.OpenEditor("relecture");
            using var saved = await client.Save(editor, formula, $"{corpus}\n\nVersion {n + 1}", more: [("Input.Comment", comments[n])]);
            await AssertSaved(saved, $"révision {n + 1}");
        }
        var wiki = await visitor.GetHtml("/wiki/relecture");
        AssertHarmless(wiki, "/wiki/relecture", _failures);
        _checked++;
        AssertShown(wiki, new string('m', 8000), "/wiki/relecture", _failures);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(await visitor.GetStringAsync("/wiki/modifications-recentes.atom")).Descendants(atom + "entry")
            .Where(e => ((string?)e.Element(atom + "id"))?.Contains("/wiki/relecture/version/") == true)
            .ToDictionary(e => int.Parse(((string)e.Element(atom + "id")!).Split('/').Last()));
        Assert.Equal(comments.Count, entries.Count);
        for (var n = 0; n < comments.Count; n++)
        {
            Same($"{formula} (version {n + 1})", (string?)entries[n + 1].Element(atom + "title"), $"Atom, titre de la version {n + 1}");
            Same(comments[n].Trim(), (string?)entries[n + 1].Element(atom + "summary"), $"Atom, résumé de la version {n + 1}");
        }

        // A synthesis titled with a kept value: its PDF's text (PdfPig) prints it as typed.
        var (_, pdf) = await Syntheses.SynthesisTests.GenerateAsync(client,
            $"du={DateTime.Today.AddDays(-60):yyyy-MM-dd}&au={DateTime.Today:yyyy-MM-dd}&titre={Uri.EscapeDataString(script)}");
        _checked++;
        if (!Syntheses.SynthesisTests.Read(pdf).Text.Contains(Syntheses.SynthesisTests.Spaces(script)))
            _failures.Add($"PDF de synthèse : le titre « {script} » n'est pas imprimé tel quel");

        output.WriteLine($"{Kept.Length} valeurs gardées, {_checked} relectures : page et exports CSV et JSON d'une observation, "
            + $"calendrier iCalendar d'un événement, page et flux Atom du wiki ({comments.Count} révisions), titre d'une synthèse PDF ; {_failures.Count} défaut(s).");
        Assert.True(_failures.Count == 0, $"{_failures.Count} défaut(s) :\n" + string.Join("\n", _failures));
    }

    /// <summary>The properties of each VEVENT, lines unfolded and text unescaped (RFC 5545, 3.1 and 3.3.11).</summary>
    private static List<Dictionary<string, string>> ICalendarEvents(string ics)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in ics.Replace("\r\n ", "").Replace("\r\n\t", "").Split("\r\n"))
        {
            if (line == "BEGIN:VEVENT") current = [];
            else if (line == "END:VEVENT" && current is not null) { events.Add(current); current = null; }
            else if (current is not null && line.IndexOf(':') is var colon and > 0)
            {
                var name = line[..colon].Split(';')[0];
                current[name] = Unescape(line[(colon + 1)..]);
            }
        }
        return events;
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                var next = text[++i];
                sb.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
