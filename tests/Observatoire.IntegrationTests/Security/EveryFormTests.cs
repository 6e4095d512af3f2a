using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Observatoire.Web.Infrastructure;
using Xunit.Abstractions;
using static Observatoire.IntegrationTests.Security.HostileCorpus;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// The issue's classes of bad input pushed through every text field of every form the portal has: the forms are found
/// from the route table (each page route, with a record of the demo data for its parameters, reached by following
/// links), opened as an administrator, and each text field gets each value while the form's other fields stay valid.
/// Each submission must keep the value exactly (read back from the edit form when there is one) or refuse it with a
/// French message next to the field; never a 500, never a silent change.
/// </summary>
public class EveryFormTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    private const string MaxLengthClass = "longueur maximale";

    /// <summary>Exactly <paramref name="length"/> characters of words (repeated, so a list field reads one name).</summary>
    private static string AtLength(int length, int n) =>
        string.Concat(Enumerable.Repeat("Longueur, ", length / 10 + 2)).Insert(0, $"Z{n} ")[..length].TrimEnd(',', ' ').PadRight(length, 'L');

    /// <summary>Page routes whose forms are not about typed text, or that would end the session.</summary>
    private static readonly string[] Skipped =
    [
        "/compte/deconnexion", "/compte/connexion", "/compte/connexion-2fa", "/compte/connexion-recuperation",
        "/compte/double-authentification/activer", "/compte/double-authentification/desactiver", "/compte/mot-de-passe",
        "/compte/mot-de-passe-oublie", "/compte/reinitialiser", "/compte/invitation", "/installation", "/compte/mes-donnees",
    ];

    private int _kept, _refused, _lost, _errors, _inconclusive, _requests;
    private readonly List<string> _failures = [];
    private readonly List<string> _notes = [];
    private readonly HashSet<string> _unbounded = [];

    [Fact]
    public async Task Every_text_field_of_every_form_keeps_bad_input_exactly_or_refuses_it_next_to_the_field()
    {
        await Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(new ObservatoireOptions { DemoData = true }));
        var client = await Portal.SignedInAs(Roles.Administrateur);
        var forms = await FindForms(client);
        Assert.True(forms.Count >= 25, $"Seulement {forms.Count} formulaires trouvés : l'exploration ne marche plus ?\n" + string.Join("\n", forms));

        var n = 0;
        foreach (var (url, index) in forms)
        {
            var form = (await FormAt(client, url, index))!;
            foreach (var field in TextFields(form))
            {
                foreach (var (kind, payload) in Classes)
                    await Submit(client, url, index, field, kind, $"{payload} Z{++n}");
                // The form's bound must be the model's and the column's: a value of exactly maxlength is not refused
                // for its length (nor a 500 from the database).
                if (int.TryParse(form.Elements.First(e => e.GetAttribute("name") == field).GetAttribute("maxlength"), out var max) && max >= 8)
                    await Submit(client, url, index, field, $"{MaxLengthClass} ({max})", AtLength(max, ++n));
                else
                    _unbounded.Add($"{url} {field}");
            }
        }
        output.WriteLine($"{forms.Count} formulaires, {Classes.Length} classes, {_requests} requêtes : "
            + $"{_kept} gardées telles quelles, {_refused} refusées avec un message, {_lost} perdues, {_errors} erreurs, "
            + $"{_inconclusive} non concluantes (le formulaire refusait un autre champ).");
        output.WriteLine($"Champs sans maxlength ({_unbounded.Count}) : {string.Join(", ", _unbounded)}");
        foreach (var note in _notes.Take(40)) output.WriteLine(note);
        Assert.True(_failures.Count == 0, $"{_failures.Count} défaut(s) :\n" + string.Join("\n", _failures.Take(80)));
    }

    /// <summary>Each page route once (with a record found by following links), and each POST form of its main part.</summary>
    private async Task<List<(string Url, string Key)>> FindForms(HttpClient client)
    {
        var routes = RouteCoverageTests.PageRoutes(Portal);
        var sampled = new Dictionary<string, string>();
        var queue = new Queue<string>(routes.Where(r => !r.Contains('{') && !RoleMatrix.NotVisited.ContainsKey(r)));
        var seen = new HashSet<string>(queue);
        while (queue.Count > 0 && seen.Count < 600)
        {
            var url = queue.Dequeue();
            var route = RouteCoverageTests.RouteOf(url, routes);
            if (route is null || Skipped.Contains(route) || route.Contains('.') || sampled.ContainsKey(route)) continue;
            using var response = await client.GetAsync(url);
            _requests++;
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            sampled[route] = url;
            var page = await response.ReadHtml();
            foreach (var href in page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                var target = RouteCoverageTests.RouteOf(href, routes);
                if (target is not null && !sampled.ContainsKey(target) && !href.StartsWith("//") && seen.Add(href)) queue.Enqueue(href);
            }
        }
        var forms = new List<(string, string)>();
        foreach (var url in sampled.Values.Order())
        {
            var page = await client.GetHtml(url);
            forms.AddRange(Forms(page).Where(f => TextFields(f).Count > 0).Select(Key).Distinct().Select(k => (url, k)));
        }
        return forms;
    }

    private static IEnumerable<IHtmlFormElement> Forms(IDocument page) =>
        page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));

    /// <summary>A form by its action and text fields, not its position: a save adds rows (and their forms) to a page.</summary>
    private static string Key(IHtmlFormElement form) => form.GetAttribute("action") + " " + string.Join(",", TextFields(form));

    private static async Task<IHtmlFormElement?> FormAt(HttpClient client, string url, string key) =>
        Forms(await client.GetHtml(url)).FirstOrDefault(f => Key(f) == key);

    private static readonly string[] TextTypes = ["text", "search", "url", "email", "tel", ""];

    private static List<string> TextFields(IHtmlFormElement form) =>
        form.Elements.Where(e => e is IHtmlTextAreaElement || e is IHtmlInputElement i && TextTypes.Contains((i.GetAttribute("type") ?? "").ToLowerInvariant()))
            .Where(e => !e.HasAttribute("readonly") && !e.HasAttribute("disabled"))
            .Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.Length > 0 && n != "__RequestVerificationToken")
            .Distinct().ToList();

    private async Task Submit(HttpClient client, string url, string index, string field, string kind, string value)
    {
        var where = $"{url} {field} [{kind}]";
        IHtmlFormElement? form;
        try { form = await FormAt(client, url, index); }
        catch (Exception e) { _failures.Add($"{where} : la page ne s'ouvre plus ({Excerpt(e.Message)})"); return; }
        if (form is null) { _notes.Add($"{where} : le formulaire n'est plus sur la page"); return; }
        _requests++;
        var values = Filled(form, field, value, _requests);
        var action = form.GetAttribute("action");
        using var response = await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(values));
        _requests++;
        var refusedByRule = UserText.Problem(value) is not null;
        if ((int)response.StatusCode >= 500)
        {
            _errors++;
            _failures.Add($"{where} : {(int)response.StatusCode}");
            return;
        }
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
        {
            if (refusedByRule)
            {
                // A form that answers with a note on the page it leads to (the survey builder's parts) must say why.
                using var next = await client.GetAsync(response.Headers.Location!.OriginalString);
                _requests++;
                var landing = next.StatusCode == HttpStatusCode.OK ? await next.ReadHtml() : null;
                var note = string.Join(" ", landing?.QuerySelectorAll("main .notice").Select(e => e.TextContent) ?? []);
                var stored = landing is not null && (landing.Body!.TextContent.Contains(value)
                    || landing.QuerySelectorAll("input, textarea").Any(e => e.GetAttribute("value") == value || e.TextContent == value));
                if (!stored && (note.Contains("U+") || note.Contains("caractère incomplet")))
                {
                    _refused++;
                    _notes.Add($"{where} : refusé par un message en haut de la page, pas à côté du champ");
                    return;
                }
                _lost++;
                _failures.Add($"{where} : {(stored ? "enregistré" : "accepté sans message")} alors que la valeur contient un caractère refusé (« {Excerpt(note.Trim())} »)");
                return;
            }
            await ReadBack(client, url, index, field, value, where);
            return;
        }
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            if (refusedByRule) { _lost++; _failures.Add($"{where} : {(int)response.StatusCode} sans message"); }
            else _kept++;
            return;
        }
        var page = await response.ReadHtml();
        var message = FieldMessage(page, field);
        if (message.Length > 0)
        {
            _refused++;
            if (kind.StartsWith(MaxLengthClass) && message.Contains("au plus", StringComparison.OrdinalIgnoreCase))
                _failures.Add($"{where} : le formulaire permet {value.Length} caractères, mais le modèle les refuse (« {Excerpt(message)} »)");
            if (refusedByRule && !message.Contains("U+") && !message.Contains("incomplet"))
                _notes.Add($"{where} : refusé, mais le message ne nomme pas le caractère (« {Excerpt(message)} »)");
            return;
        }
        var others = page.QuerySelectorAll(".field-error, .error-summary li, .validation-summary-errors li, [data-valmsg-for]")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        // A page that answers the form itself (an invitation, a preview) shows what was accepted.
        if (!refusedByRule && others.Count == 0 && (page.QuerySelector("main [role=status]") is not null
            || Visible(page.Body?.TextContent ?? "").Contains(Visible(value)[..Math.Min(60, Visible(value).Length)])))
        {
            _kept++;
            AssertHarmless(page, where, _failures);
            return;
        }
        if (refusedByRule || others.Count == 0)
        {
            _lost++;
            _failures.Add($"{where} : {(int)response.StatusCode} sans message à côté du champ"
                + (others.Count > 0 ? $" (autres messages : {Excerpt(string.Join(" | ", others))})" : $" (page : {Visible(page.QuerySelector("main form")?.OuterHtml ?? page.QuerySelector("main")?.TextContent ?? "")})"));
            return;
        }
        _inconclusive++;
        _notes.Add($"{where} : non concluant, le formulaire refuse un autre champ ({Excerpt(string.Join(" | ", others))})");
    }

    /// <summary>A kept value must read back exactly where the form shows it again (the edit form of the same record).</summary>
    private async Task ReadBack(HttpClient client, string url, string key, string field, string value, string where)
    {
        _kept++;
        using var again = await client.GetAsync(url);
        _requests++;
        if (again.StatusCode != HttpStatusCode.OK) return;
        var page = await again.ReadHtml();
        AssertHarmless(page, where, _failures);
        // Only a form that edits one record shows the saved value again (a form that adds rows comes back empty).
        var same = Forms(page).Where(f => Key(f) == key).ToList();
        if (same.Count != 1) return;
        var shown = same[0].Elements.FirstOrDefault(e => e.GetAttribute("name") == field) switch
        {
            IHtmlTextAreaElement t => t.Value,
            IHtmlInputElement i => i.Value,
            _ => null,
        };
        if (string.IsNullOrEmpty(shown) || url.EndsWith("/nouveau") || url.EndsWith("/nouvelle") || url.Contains("/inviter")) return;
        if (shown.Replace("\r\n", "\n") != value.Replace("\r\n", "\n"))
        {
            _lost++;
            _kept--;
            _failures.Add($"{where} : enregistré puis relu changé (« {Excerpt(shown)} »)");
        }
    }

    /// <summary>The form as a person would fill it, with <paramref name="value"/> in <paramref name="field"/>.</summary>
    private static List<KeyValuePair<string, string>> Filled(IHtmlFormElement form, string field, string value, int n)
    {
        var values = new List<KeyValuePair<string, string>>();
        var radios = new HashSet<string>();
        var checkboxes = new HashSet<string>();
        var submitted = false;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            if (name == field)
            {
                if (values.All(v => v.Key != field)) values.Add(new(field, value));
                continue;
            }
            switch (element)
            {
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value.Length > 0 ? area.Value : $"Texte d'essai {n}"));
                    break;
                case IHtmlButtonElement button:
                    if (!submitted && button.Type is "submit" or "") { values.Add(new(name, button.Value)); submitted = true; }
                    break;
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    switch (type)
                    {
                        case "submit":
                            if (!submitted) { values.Add(new(name, input.Value)); submitted = true; }
                            break;
                        case "file" or "image" or "reset" or "button" or "password":
                            break;
                        case "checkbox":
                            // Lists of ids (tools, themes…) need one ticked: the first, when none is.
                            if (input.IsChecked || name.EndsWith("Ids") && checkboxes.Add(name)
                                && !form.Elements.OfType<IHtmlInputElement>().Any(c => c.Name == name && c.IsChecked))
                                values.Add(new(name, input.Value));
                            break;
                        case "radio":
                            if (radios.Add(name))
                            {
                                var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                                values.Add(new(name, (group.FirstOrDefault(r => r.IsChecked) ?? group[0]).Value));
                            }
                            break;
                        default:
                            values.Add(new(name, input.Value.Length > 0 ? input.Value : type switch
                            {
                                "date" => DateTime.Today.AddDays(-7).ToString("yyyy-MM-dd"),
                                "datetime-local" => DateTime.Today.AddDays(7).ToString("yyyy-MM-ddT14:00"),
                                "time" => "14:00",
                                "number" => "5",
                                "email" => $"essai{n}@exemple.fr",
                                "tel" => "02 47 00 00 00",
                                "url" => "https://exemple.org/",
                                "week" => "2026-W47",
                                "hidden" => "",
                                _ => $"Essai {n}",
                            }));
                            break;
                    }
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected && o.Value != "").ToList();
                    if (chosen.Count == 0 && select.Options.FirstOrDefault(o => o.Value != "") is { } first) chosen = [first];
                    values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }
        return values;
    }
}
