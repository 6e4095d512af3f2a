using System.Diagnostics;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Observatoire.Web.Infrastructure;
using Xunit.Abstractions;
using static Observatoire.IntegrationTests.Security.HostileCorpus;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// The issue's classes of bad input pushed through every text field of every form the portal has: the forms are found
/// from the route table (each page route, with a record of the demo data for its parameters, reached by following
/// links), opened as an administrator, and each text field gets each value. Each case (a field and a class) must keep
/// the value exactly (read back from the edit form when there is one) or refuse it with a French message next to the
/// field; never a 500, never a silent change. Every text field also states a maxlength that the model enforces: a
/// value of that length is not refused for its length (nor a 500 from the database), one character more is refused
/// next to the field.
/// <para>
/// To stay cheap, a form receives a class in all its fields at once whenever the outcome stays attributable: the
/// classes the portal refuses (<see cref="UserText"/>) rotate over the fields, one request each turn, every field
/// answering with its own message; a class it may keep goes into every field, then again into the fields not yet
/// decided when some were refused, and field by field only when a whole round decided nothing. The form is read again
/// only after a save.
/// </para>
/// <para>The survey answering screens, reached only by POSTs from the intro, are covered by <see cref="SurveyAnsweringFormTests"/>.</para>
/// </summary>
public class EveryFormTests(PortalFixture portal, ITestOutputHelper output) : PortalTest(portal)
{
    private const string AtMaxClass = "longueur maximale";

    /// <summary>Page routes whose forms are not about typed text, or that would end the session.</summary>
    private static readonly string[] Skipped =
    [
        "/compte/deconnexion", "/compte/connexion", "/compte/connexion-2fa", "/compte/connexion-recuperation",
        "/compte/double-authentification/activer", "/compte/double-authentification/desactiver", "/compte/mot-de-passe",
        "/compte/mot-de-passe-oublie", "/compte/reinitialiser", "/compte/invitation", "/installation", "/compte/mes-donnees",
        // Its one text field names a property of the GeoJSON file it comes with: without the file (these posts are not
        // multipart) nothing is read, so a kept value cannot be told apart; MapTests posts it with its file.
        "/admin/contours-territoires",
    ];

    /// <summary>What <see cref="UserText"/> refuses, and what the portal may keep.</summary>
    private static readonly (string Class, string Value)[] Refused = Classes.Where(c => UserText.Problem(c.Value) is not null).ToArray();
    private static readonly (string Class, string Value)[] Keepable = Classes.Where(c => UserText.Problem(c.Value) is null).ToArray();

    private enum Verdict { Kept, Refused, Lost, Error, Undecided }

    /// <summary>A form under test: its page, how it is recognised there, its text fields and its latest rendering (null: read it again).</summary>
    private sealed class Form(string url, string key, IHtmlFormElement current, IEnumerable<string> others)
    {
        public string Url { get; set; } = url;
        public string Key { get; set; } = key;
        /// <summary>Other records of the same route, found while exploring: one takes over when a save removes the form.</summary>
        public Queue<string> Others { get; } = new(others);
        public IHtmlFormElement? Current { get; set; } = current;
        /// <summary>The form as first read: its fields' types and bounds.</summary>
        public IHtmlFormElement Initial { get; } = current;
        public List<string> Fields { get; } = TextFields(current);
        /// <summary>Each text field's maxlength (0: none).</summary>
        public Dictionary<string, int> MaxLengths { get; } = TextFields(current)
            .ToDictionary(f => f, f => int.TryParse(Element(current, f)?.GetAttribute("maxlength"), out var max) ? max : 0);

        /// <summary>
        /// Other fields' values that the form turned out to need (a person picks « aucune » in a list, leaves a number
        /// empty): learnt when the form refused a field that was not under test, then kept for every later request.
        /// </summary>
        public Dictionary<string, string> Fixes { get; } = [];
        public Dictionary<string, int> FixAttempts { get; } = [];
        public override string ToString() => $"{Url} {Key}";
    }

    private int _kept, _refused, _lost, _errors, _undecidable, _requests, _bounds, _n;
    private readonly List<string> _failures = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _undecidableCases = [];

    [Fact]
    public async Task Every_text_field_of_every_form_keeps_bad_input_exactly_or_refuses_it_next_to_the_field()
    {
        await Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(new ObservatoireOptions { DemoData = true }));
        var client = await Portal.SignedInAs(Roles.Administrateur);
        var clock = Stopwatch.StartNew();
        var forms = await FindForms(client);
        Assert.True(forms.Count >= 25, $"Seulement {forms.Count} formulaires trouvés : l'exploration ne marche plus ?\n" + string.Join("\n", forms));

        var cases = 0;
        foreach (var form in forms)
        {
            var bounds = form.MaxLengths;
            foreach (var field in form.Fields.Where(f => bounds[f] < 8))
                _failures.Add($"{form.Url} {field} : champ de texte sans maxlength (ou inférieur à 8) : donnez-lui la borne du modèle et de la base");
            cases += form.Fields.Count * (Classes.Length + 1);
            await RefusedClasses(client, form);
            foreach (var (kind, payload) in Keepable)
                await KeepableClass(client, form, kind, form.Fields.ToDictionary(f => f,
                    // Its marker inside, so that the white space stays at both ends.
                    f => kind == OuterWhiteSpace ? $"{payload} Z{++_n} \t " : $"{payload} Z{++_n}"));
            var bounded = form.Fields.Where(f => bounds[f] >= 8).ToList();
            await KeepableClass(client, form, AtMaxClass, bounded.ToDictionary(f => f, f => Sized(form, f, bounds[f])));
            foreach (var field in form.Fields.Where(f => bounds[f] < 8))
                Record(Verdict.Undecided, $"{form.Url} {field} [{AtMaxClass}]", "pas de maxlength");
            await OverTheBound(client, form, bounded.ToDictionary(f => f, f => Sized(form, f, bounds[f] + 1)));
        }
        clock.Stop();

        output.WriteLine($"{forms.Count} formulaires, {forms.Sum(f => f.Fields.Count)} champs de texte, {Classes.Length} classes et la longueur maximale : "
            + $"{cases} cas, {_requests} requêtes en {clock.Elapsed.TotalSeconds:N0} s.");
        output.WriteLine($"{_kept} gardées telles quelles, {_refused} refusées avec un message, {_lost} perdues, {_errors} erreurs, "
            + $"{_undecidable} indécidables.");
        output.WriteLine($"{_bounds} bornes vérifiées (maxlength du formulaire = borne du modèle ; la valeur à la borne enregistrée sans erreur de la base).");
        foreach (var undecidable in _undecidableCases) output.WriteLine("Indécidable : " + undecidable);
        foreach (var note in _notes.Take(40)) output.WriteLine(note);
        Assert.Equal(cases, _kept + _refused + _lost + _errors + _undecidable);
        Assert.True(_failures.Count == 0, $"{_failures.Count} défaut(s) :\n" + string.Join("\n", _failures.Take(80)));
        // No case is left undecided: a refusal of another field is resolved by Refill, and a form a save removes (the
        // review of an observation, sent back to its author by the first value kept) goes on with another record of
        // its route (Another). One left says the demo data lacks such a record, or a form no longer answers.
        Assert.True(_undecidable == 0, $"{_undecidable} cas indécidables :\n" + string.Join("\n", _undecidableCases));
    }

    /// <summary>
    /// The classes <see cref="UserText"/> refuses, turned over the fields: turn k gives field i class (i + k) mod n, so
    /// after n requests each field got each class, and each refusal is read next to its own field.
    /// </summary>
    private async Task RefusedClasses(HttpClient client, Form form)
    {
        for (var turn = 0; turn < Refused.Length; turn++)
        {
            var kinds = form.Fields.Select((f, i) => (Field: f, Class: Refused[(i + turn) % Refused.Length])).ToList();
            var values = kinds.ToDictionary(k => k.Field, k => $"{k.Class.Value} Z{++_n}");
            var verdicts = await Try(client, form, values, mustRefuse: true);
            foreach (var (field, (kind, _)) in kinds)
            {
                var (verdict, detail) = verdicts[field];
                if (verdict == Verdict.Undecided)
                    (verdict, detail) = (await Try(client, form, new() { [field] = values[field] }, mustRefuse: true))[field];
                Record(verdict, $"{form.Url} {field} [{kind}]", detail);
            }
        }
    }

    /// <summary>
    /// A class the portal may keep, in all the given fields at once; the fields left undecided because another was
    /// refused go again without it, and when a round decides nothing each goes alone.
    /// </summary>
    private async Task KeepableClass(HttpClient client, Form form, string kind, Dictionary<string, string> values)
    {
        var pending = values;
        while (pending.Count > 0)
        {
            var verdicts = await Try(client, form, pending, mustRefuse: false, atMax: kind == AtMaxClass);
            var undecided = verdicts.Where(v => v.Value.Verdict == Verdict.Undecided).Select(v => v.Key).ToList();
            foreach (var (field, (verdict, detail)) in verdicts.Where(v => v.Value.Verdict != Verdict.Undecided))
                Record(verdict, $"{form.Url} {field} [{kind}]", detail);
            if (undecided.Count < pending.Count)
            {
                pending = undecided.ToDictionary(f => f, f => values[f]);
                continue;
            }
            foreach (var field in undecided)
            {
                var (verdict, detail) = pending.Count == 1 ? verdicts[field]
                    : (await Try(client, form, new() { [field] = values[field] }, mustRefuse: false, atMax: kind == AtMaxClass))[field];
                Record(verdict, $"{form.Url} {field} [{kind}]", detail);
            }
            return;
        }
    }

    /// <summary>One character over each field's maxlength: the model must refuse it next to the field, for its length.</summary>
    private async Task OverTheBound(HttpClient client, Form form, Dictionary<string, string> values)
    {
        if (values.Count == 0) return;
        var verdicts = await Try(client, form, values, mustRefuse: false);
        foreach (var (field, value) in values)
        {
            var (verdict, detail) = verdicts[field];
            if (verdict == Verdict.Undecided) (verdict, detail) = (await Try(client, form, new() { [field] = value }, mustRefuse: false))[field];
            var where = $"{form.Url} {field} [maxlength + 1 = {value.Length}]";
            if (detail == Gone)
            {
                _notes.Add($"{where} : borne non vérifiée, {Gone}");
                continue;
            }
            // A number's bound is its range, said as such (« Nombre trop grand »); an address, an e-mail or a phone number
            // of that length is refused for its form first.
            if (verdict == Verdict.Refused && (detail.Contains("caractères") || IsNumber(Element(form.Initial, field))
                || Element(form.Initial, field)?.GetAttribute("type") is "email" or "tel" or "url"))
                _bounds++;
            else
                _failures.Add($"{where} : le modèle ne refuse pas une valeur plus longue que le maxlength du formulaire ({verdict} : « {Excerpt(detail)} »)");
        }
    }

    private void Record(Verdict verdict, string where, string detail)
    {
        switch (verdict)
        {
            case Verdict.Kept: _kept++; break;
            case Verdict.Refused: _refused++; break;
            case Verdict.Lost: _lost++; _failures.Add($"{where} : {detail}"); break;
            case Verdict.Error: _errors++; _failures.Add($"{where} : {detail}"); break;
            default: _undecidable++; _undecidableCases.Add($"{where} : {detail}"); break;
        }
    }

    /// <summary>
    /// Posts the form as a person would fill it, with <paramref name="values"/> in their fields, and says for each of
    /// those fields whether its value was kept, refused with a message next to it, lost (saved although refused, or
    /// sent back without a word), an error, or undecided (another field was refused, so nothing was saved).
    /// </summary>
    private async Task<Dictionary<string, (Verdict Verdict, string Detail)>> Try(HttpClient client, Form form,
        Dictionary<string, string> values, bool mustRefuse, bool atMax = false)
    {
        Dictionary<string, (Verdict, string)> All(Verdict verdict, string detail) => values.Keys.ToDictionary(f => f, _ => (verdict, detail));
        var where = $"{form.Url} {form.Key}";
        if (form.Current is null)
        {
            using var again = await client.GetAsync(form.Url);
            _requests++;
            form.Current = again.StatusCode == HttpStatusCode.OK ? Find(await again.ReadHtml(), form) : null;
            // A save may take the record out of the state that shows the form (an observation sent back to its author
            // leaves the review): the same form of another record takes over; without one, the cases left cannot be
            // decided, and are counted as such.
            form.Current ??= await Another(client, form);
            if (form.Current is null) return All(Verdict.Undecided, Gone);
        }
        var action = form.Current.GetAttribute("action");
        using var response = await client.PostAsync(string.IsNullOrEmpty(action) ? form.Url : action,
            new FormUrlEncodedContent(Filled(form.Current, form.Fixes.Where(f => !values.ContainsKey(f.Key)).Concat(values).ToDictionary(), ++_n)));
        _requests++;
        if ((int)response.StatusCode >= 500)
            return All(values.Count == 1 ? Verdict.Error : Verdict.Undecided, $"{(int)response.StatusCode}");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
        {
            form.Current = null;
            if (mustRefuse) return All(Verdict.Lost, "enregistré alors que la valeur contient un caractère refusé");
            return await ReadBack(client, form, values);
        }
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
            return All(mustRefuse ? Verdict.Lost : Verdict.Kept, $"{(int)response.StatusCode} sans message");
        var page = await response.ReadHtml();
        var answered = Find(page, form);
        var verdicts = new Dictionary<string, (Verdict, string)>();
        foreach (var field in values.Keys)
        {
            var message = FieldMessage(page, answered, field);
            if (message.Length > 0)
            {
                verdicts[field] = (Verdict.Refused, message);
                if (mustRefuse && !message.Contains("U+") && !message.Contains("incomplet"))
                    _notes.Add($"{where} {field} : refusé, mais le message ne nomme pas le caractère (« {Excerpt(message)} »)");
                // A list or a multi-line field may bound each item too (« une réponse fait 200 caractères au plus »):
                // only the value of exactly maxlength, made of short items, says that the field's own bound differs.
                if (atMax && message.Contains("caractères au plus", StringComparison.OrdinalIgnoreCase))
                    _failures.Add($"{where} {field} : le formulaire permet {values[field].Length} caractères, mais le modèle les refuse (« {Excerpt(message)} »)");
            }
        }
        if (verdicts.Count > 0)
        {
            // Every field of a refused-class request carries a refused character: one without its message lost it.
            foreach (var field in values.Keys.Where(f => !verdicts.ContainsKey(f)))
                verdicts[field] = mustRefuse ? (Verdict.Lost, "sans message à côté du champ") : (Verdict.Undecided, "un autre champ refusé");
            return verdicts;
        }
        var others = page.QuerySelectorAll(".field-error, .error-summary li, .validation-summary-errors li, [data-valmsg-for]")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        // A page that answers the form itself (an invitation, a preview) shows what was accepted.
        if (!mustRefuse && others.Count == 0 && (page.QuerySelector("main [role=status]") is not null
            || values.Values.All(v => Visible(page.Body?.TextContent ?? "").Contains(Visible(v)[..Math.Min(60, Visible(v).Length)]))))
        {
            form.Current = null;
            AssertHarmless(page, where, _failures);
            return All(Verdict.Kept, "");
        }
        if (mustRefuse || others.Count == 0)
            return All(Verdict.Lost, $"{(int)response.StatusCode} sans message à côté du champ"
                + (others.Count > 0 ? $" (autres messages : {Excerpt(string.Join(" | ", others))})" : ""));
        // Another field, not under test, was refused: fill it otherwise, as a person would, and send again.
        if (answered is not null && Refill(form, answered, page, values.Keys))
            return await Try(client, form, values, mustRefuse, atMax);
        return All(Verdict.Undecided, $"le formulaire refuse un autre champ ({Excerpt(string.Join(" | ", others))})");
    }

    /// <summary>
    /// The next value to try in each field of <paramref name="answered"/> that carries a message and is not under test:
    /// an empty choice, then each choice of a list or a radio group; empty, then a word, for a text field. False when
    /// no such field has a value left to try.
    /// </summary>
    private static bool Refill(Form form, IHtmlFormElement answered, IDocument page, IEnumerable<string> tested)
    {
        var changed = false;
        var seen = new HashSet<string>(tested);
        foreach (var element in answered.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || !seen.Add(name) || FieldMessage(page, answered, name).Length == 0) continue;
            string[] choices = element switch
            {
                IHtmlSelectElement select => ["", .. select.Options.Select(o => o.Value).Where(v => v != "")],
                IHtmlInputElement { Type: "radio" } => [.. answered.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).Select(r => r.Value)],
                IHtmlInputElement { Type: "time" } => ["23:00", "16:00", "10:00"],
                IHtmlInputElement { Type: "date" } => [.. answered.Elements.OfType<IHtmlInputElement>().Where(d => d.Type == "date" && d.Value.Length > 0).Select(d => d.Value),
                    DateTime.Today.AddDays(14).ToString("yyyy-MM-dd"), DateTime.Today.AddDays(-14).ToString("yyyy-MM-dd")],
                IHtmlInputElement { Type: "datetime-local" } => [DateTime.Today.AddDays(14).ToString("yyyy-MM-ddT16:00")],
                IHtmlInputElement { Type: "number" } => ["1", "10"],
                IHtmlInputElement or IHtmlTextAreaElement => ["", "Essai", $"https://exemple.org/essai-{Guid.NewGuid():N}"],
                _ => [],
            };
            var attempt = form.FixAttempts.GetValueOrDefault(name);
            if (attempt >= Math.Min(choices.Length, 4)) continue;
            form.Fixes[name] = choices[attempt];
            form.FixAttempts[name] = attempt + 1;
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// The same form (the same text fields) on another record of the form's route, which the form then stands for; null
    /// when no record left shows it.
    /// </summary>
    private async Task<IHtmlFormElement?> Another(HttpClient client, Form form)
    {
        while (form.Others.TryDequeue(out var url))
        {
            using var response = await client.GetAsync(url);
            _requests++;
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            if (Forms(await response.ReadHtml()).FirstOrDefault(f => TextFields(f).SequenceEqual(form.Fields)) is not { } found) continue;
            _notes.Add($"{form.Url} : le formulaire a disparu après un enregistrement, la suite sur {url}");
            (form.Url, form.Key) = (url, Key(found));
            return found;
        }
        return null;
    }

    /// <summary>Kept values must read back exactly where the form shows them again (the edit form of the same record).</summary>
    private async Task<Dictionary<string, (Verdict, string)>> ReadBack(HttpClient client, Form form, Dictionary<string, string> values)
    {
        var verdicts = values.Keys.ToDictionary(f => f, _ => (Verdict.Kept, ""));
        using var again = await client.GetAsync(form.Url);
        _requests++;
        if (again.StatusCode != HttpStatusCode.OK) return verdicts;
        var page = await again.ReadHtml();
        AssertHarmless(page, $"{form.Url} {form.Key}", _failures);
        // Only a form that edits one record shows the saved value again (a form that adds rows comes back empty).
        var same = Forms(page).Where(f => Key(f) == form.Key).ToList();
        form.Current = Find(page, form);
        if (same.Count != 1 || form.Url.EndsWith("/nouveau") || form.Url.EndsWith("/nouvelle") || form.Url.Contains("/inviter")) return verdicts;
        foreach (var (field, value) in values)
        {
            var shown = Element(same[0], field) switch
            {
                IHtmlTextAreaElement t => t.Value,
                IHtmlInputElement i => i.Value,
                _ => null,
            };
            // Exactly as typed, or without the white space at both ends (UserText.Outer): nothing else may change.
            if (string.IsNullOrEmpty(shown)) continue;
            var (read, typed) = (shown.Replace("\r\n", "\n"), value.Replace("\r\n", "\n"));
            if (read != typed && read != UserText.Outer(typed)
                && !(IsList(page, same[0], field) && Items(shown).SequenceEqual(Items(value))))
                verdicts[field] = (Verdict.Lost, $"enregistré puis relu changé (« {Excerpt(shown)} »)");
        }
        return verdicts;
    }

    /// <summary>A field of several names (« séparées par des virgules »): it reads back as its items, joined by « , ».</summary>
    private static bool IsList(IDocument page, IHtmlFormElement form, string field) =>
        Element(form, field)?.Id is { } id && page.QuerySelector($"label[for='{id}']")?.TextContent.Contains("virgule") == true;

    private static IEnumerable<string> Items(string list) =>
        list.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each page route once (with a record found by following links), and each POST form of its main part with text fields.</summary>
    private async Task<List<Form>> FindForms(HttpClient client)
    {
        var routes = RouteCoverageTests.PageRoutes(Portal);
        var sampled = new Dictionary<string, (string Url, IDocument Page)>();
        // Every address seen for a route with parameters: the records a form moves to when a save removes it.
        var records = new Dictionary<string, List<string>>();
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
            var page = await response.ReadHtml();
            sampled[route] = (url, page);
            foreach (var href in page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                var target = RouteCoverageTests.RouteOf(href, routes);
                if (target is not null && target.Contains('{') && !href.StartsWith("//") && !href.Contains('?') && !href.Contains('#'))
                    records.TryAdd(target, []);
                if (target is not null && records.TryGetValue(target, out var known) && !known.Contains(href)) known.Add(href);
                if (target is not null && !sampled.ContainsKey(target) && !href.StartsWith("//") && seen.Add(href)) queue.Enqueue(href);
            }
        }
        // Pages are read once: exploring only reads, so what it saw is what the forms start from.
        return sampled.Values.OrderBy(s => s.Url, StringComparer.Ordinal)
            .SelectMany(s => Forms(s.Page).Where(f => TextFields(f).Count > 0).DistinctBy(Key).Select(f => new Form(s.Url, Key(f), f,
                RouteCoverageTests.RouteOf(s.Url, routes) is { } route && records.TryGetValue(route, out var others) ? others.Where(o => o != s.Url) : [])))
            .ToList();
    }

    /// <summary>
    /// The form on <paramref name="page"/>: by its key, else by its action with all its text fields (a saved option
    /// adds a field to the question form).
    /// </summary>
    private static IHtmlFormElement? Find(IDocument page, Form form) =>
        Forms(page).FirstOrDefault(f => Key(f) == form.Key)
        ?? Forms(page).FirstOrDefault(f => f.GetAttribute("action") == form.Initial.GetAttribute("action") && form.Fields.All(TextFields(f).Contains));

    private const string Gone = "le formulaire a disparu après un enregistrement (la fiche a changé d'état)";

    private static IEnumerable<IHtmlFormElement> Forms(IDocument page) =>
        page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));

    /// <summary>A form by its action and text fields, not its position: a save adds rows (and their forms) to a page.</summary>
    private static string Key(IHtmlFormElement form) => form.GetAttribute("action") + " " + string.Join(",", TextFields(form));

    private static readonly string[] TextTypes = ["text", "search", "url", "email", "tel", ""];

    private static List<string> TextFields(IHtmlFormElement form) =>
        form.Elements.Where(e => e is IHtmlTextAreaElement || e is IHtmlInputElement i && TextTypes.Contains((i.GetAttribute("type") ?? "").ToLowerInvariant()))
            .Where(e => !e.HasAttribute("readonly") && !e.HasAttribute("disabled"))
            .Select(e => e.GetAttribute("name")).OfType<string>().Where(n => n.Length > 0 && n != "__RequestVerificationToken")
            .Distinct().ToList();

    /// <summary>A number typed in a text field (« 10,5 »: French decimals), said by its inputmode.</summary>
    private static bool IsNumber(IElement? element) => element?.GetAttribute("inputmode") is "decimal" or "numeric";

    private static IElement? Element(IHtmlFormElement form, string field) => form.Elements.FirstOrDefault(e => e.GetAttribute("name") == field);

    private static int MaxLength(Form form, string field) => form.MaxLengths.GetValueOrDefault(field) is > 0 and var max ? max : int.MaxValue;

    /// <summary>
    /// The message next to <paramref name="field"/> in the form sent back (several forms of a page may share field
    /// names: the survey builder's parts), else anywhere on the page.
    /// </summary>
    private static string FieldMessage(IDocument page, IHtmlFormElement? answered, string field)
    {
        if (answered is not null && Element(answered, field)?.GetAttribute("aria-describedby") is { } described)
            foreach (var id in described.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (page.GetElementById(id) is { } e && e.ClassList.Contains("field-error") && e.TextContent.Trim().Length > 0)
                    return e.TextContent.Trim();
        return HostileCorpus.FieldMessage(page, field);
    }

    /// <summary>
    /// A value of exactly <paramref name="length"/> characters the field can hold: a web address for an address field,
    /// words otherwise (repeated, so a list field reads one name per item).
    /// </summary>
    private string Sized(Form form, string field, int length)
    {
        var n = ++_n;
        var element = Element(form.Initial, field);
        var type = element?.GetAttribute("type")?.ToLowerInvariant();
        if (type == "url")
            return $"https://exemple.org/Z{n}/".PadRight(length, 'u');
        // A number as long as the field allows (its leading zeros keep it in range); one digit more is over the range.
        if (IsNumber(element))
            return length <= form.MaxLengths[field] ? "-" + "999999999,99".PadLeft(length - 1, '0') : "1".PadRight(length, '0');
        if (type == "email")
            return $"z{n}".PadRight(length - "@exemple.fr".Length, 'l') + "@exemple.fr";
        var words = string.Concat(Enumerable.Repeat("Longueur, ", length / 10 + 2)).Insert(0, $"Z{n} ")[..length].TrimEnd(',', ' ').PadRight(length, 'L').ToCharArray();
        // A text area gets lines of about 100 characters (one answer, one question per line), a line break for a space.
        if (element is IHtmlTextAreaElement)
            for (var i = 100; i < words.Length; i += 100)
                if (Array.IndexOf(words, ' ', i) is var space and > 0) words[space] = '\n';
        return new string(words);
    }

    /// <summary>The form as a person would fill it, with <paramref name="overrides"/> in their fields.</summary>
    private static List<KeyValuePair<string, string>> Filled(IHtmlFormElement form, Dictionary<string, string> overrides, int n)
    {
        var values = new List<KeyValuePair<string, string>>();
        var radios = new HashSet<string>();
        var checkboxes = new HashSet<string>();
        var submitted = false;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            if (overrides.TryGetValue(name, out var value))
            {
                if (values.All(v => v.Key != name)) values.Add(new(name, value));
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
                            values.Add(new(name, input.Value.Length > 0 ? input.Value : IsNumber(input) ? "5" : type switch
                            {
                                // An end date left empty is the day the form already holds (an event's own day).
                                "date" => form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(d => d.Type == "date" && d.Value.Length > 0)?.Value
                                    ?? DateTime.Today.AddDays(-7).ToString("yyyy-MM-dd"),
                                "datetime-local" => DateTime.Today.AddDays(7).ToString("yyyy-MM-ddT14:00"),
                                "time" => "14:00",
                                "number" => "5",
                                "email" => $"essai{n}@exemple.fr",
                                "tel" => "02 47 00 00 00",
                                // A new address each time: a link or a feed is shared once.
                                "url" => $"https://exemple.org/essai-{n}",
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
