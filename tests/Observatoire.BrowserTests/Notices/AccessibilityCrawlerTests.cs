using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Observatoire.Web.Pages.Notices;
using Observatoire.Web.Pages.Wiki;
using Xunit.Abstractions;

namespace Observatoire.BrowserTests.Notices;

/// <summary>
/// #17 « accessibility on every page »: for each visitor of <see cref="AccessibilityChecks.Visitors"/>, every page reachable
/// by links from the home page (same origin, HTML only, no sign-out), at each width of <see cref="AccessibilityChecks.Widths"/>.
/// A page fails on an axe violation of a failing impact (axe runs once per route template, see <see cref="Crawl"/>), a horizontal
/// overflow, a console error, an HTTP error, or a language other than French. The accessibility statement prints what this
/// test checks from the same <see cref="AccessibilityChecks"/>.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class AccessibilityCrawlerTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_reachable_from_the_home_page_passes_axe_fits_the_width_logs_no_error_and_is_in_French()
    {
        var clock = Stopwatch.StartNew();
        await SeedWorld();
        var routes = new RouteTemplates(browser.Services);
        var axed = new HashSet<(string Template, int Width)>();
        var failures = new List<string>();
        var summaries = new List<string>();
        // The least privileged first: axe checks a template with the first visitor that reaches it (see Crawl).
        foreach (var visitor in AccessibilityChecks.Visitors)
            summaries.Add(await Crawl(visitor ?? "", routes, axed, failures));
        var summary = string.Join("\n", summaries) + $"\nEn tout {clock.Elapsed.TotalSeconds:F0} s.";
        output.WriteLine(summary);
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "..", "crawler.txt"), summary + "\n");

        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Distinct()));
    }

    /// <summary>
    /// One visitor's crawl from the home page, breadth first, at every width; failures go to <paramref name="failures"/>.
    /// axe costs about ten page loads: it runs on a template once in the whole test (<paramref name="axed"/>), at
    /// <see cref="AccessibilityChecks.AxeEveryTemplateAt"/>, for the first visitor that reaches it, and at the other widths on each
    /// visitor's home page; the other visitors' pages of that template get the other checks.
    /// </summary>
    private async Task<string> Crawl(string role, RouteTemplates routes, HashSet<(string Template, int Width)> axed, List<string> failures)
    {
        var clock = Stopwatch.StartNew();
        var widths = AccessibilityChecks.Widths;
        var pages = new List<IPage>();
        // What the browser logs while loading the current address, kept only if it turns out to be an HTML page.
        var logged = new List<string>();
        foreach (var width in widths)
        {
            var page = await browser.NewPage(width, 780);
            if (role != "") await BrowserFixture.SignIn(page, await browser.CreateAccount("crawler", $"Visite {role}", role, _structureId!.Value));
            page.Console += (_, message) =>
            {
                // For a failed load, Location is the resource's address (the text does not say it).
                if (message.Type == "error") logged.Add($"erreur de console « {message.Text} » ({Short(message.Location)})");
            };
            page.PageError += (_, error) => logged.Add($"erreur JavaScript « {error} »");
            // The console names no address for a failed load: say which resource it was.
            page.Response += (_, response) =>
            {
                if (response.Status >= 400 && response.Request.ResourceType != "document")
                    logged.Add($"ressource {Short(response.Url)} : HTTP {response.Status}");
            };
            pages.Add(page);
        }

        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(["/"]);
        var perTemplate = new Dictionary<string, int>();
        int visits = 0, axeRuns = 0, skippedFiles = 0, skippedByCap = 0;
        var engine = "";
        var axeTime = TimeSpan.Zero;
        while (queue.TryDequeue(out var url))
        {
            var template = routes.TemplateOf(url);
            perTemplate[template] = perTemplate.GetValueOrDefault(template) + 1;
            if (perTemplate[template] > AccessibilityChecks.PagesPerRoute)
            {
                skippedByCap++;
                continue;
            }
            var html = true;
            for (var i = 0; i < pages.Count && html; i++)
            {
                var page = pages[i];
                var width = widths[i];
                IResponse? response;
                logged.Clear();
                try
                {
                    response = await page.GotoAsync(url);
                }
                catch (PlaywrightException e) when (e.Message.Contains("Download is starting") || e.Message.Contains("net::ERR_ABORTED"))
                {
                    html = false;
                    break;
                }
                if (response is null || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html"))
                {
                    html = false;
                    break;
                }
                visits++;
                var where = $"{Short(page.Url)} ({template}) à {width} px, {(role == "" ? "sans compte" : role)}";
                if (response.Status >= 400) failures.Add($"- {where} : réponse HTTP {response.Status}");
                failures.AddRange(logged.Select(l => $"- {where} : {l}"));
                var state = await page.EvaluateAsync<PageState>(
                    """
                    () => ({
                        lang: document.documentElement.lang || '',
                        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                        links: [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download'))
                            .map(a => new URL(a.getAttribute('href'), location.href).href),
                    })
                    """);
                if (!state.Lang.StartsWith("fr")) failures.Add($"- {where} : langue de la page « {state.Lang} » au lieu de « fr »");
                if (state.Overflow > 0) failures.Add($"- {where} : déborde de {state.Overflow} px en largeur");
                // Every template at the phone width; at the others, each visitor's home page with its unfolded menu.
                if (width == AccessibilityChecks.AxeEveryTemplateAt ? axed.Add((template, width)) : url == "/")
                {
                    var axeClock = Stopwatch.StartNew();
                    var results = await page.RunAxe(ViolationsOnly);
                    axeTime += axeClock.Elapsed;
                    engine = results.TestEngine.Version;
                    axeRuns++;
                    failures.AddRange(results.Violations.Where(v => AccessibilityChecks.FailingImpacts.Contains(v.Impact)).Select(v =>
                        $"- {where} [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Take(3).Select(n => $"    {n.Html}"))));
                }
                if (i > 0) continue;
                foreach (var link in state.Links)
                    if (SameSiteGet(link) is { } next && seen.Add(next)) queue.Enqueue(next);
            }
            if (!html) skippedFiles++;
        }
        foreach (var page in pages) await page.Context.CloseAsync();

        var summary = $"{(role == "" ? "Visiteur sans compte" : role)} : {visits} pages vues ({perTemplate.Count} modèles d'adresse, " +
            $"{axeRuns} passages d'axe {engine}), {skippedFiles} fichiers non HTML et {skippedByCap} pages au-delà de " +
            $"{AccessibilityChecks.PagesPerRoute} par modèle écartés, en {clock.Elapsed.TotalSeconds:F0} s (axe : {axeTime.TotalSeconds:F0} s).";
        if (axeRuns > 0 && engine != AccessibilityChecks.AxeCoreVersion)
            failures.Add($"- axe-core {engine} a vérifié les pages, la déclaration d'accessibilité nomme {AccessibilityChecks.AxeCoreVersion}");
        // A crawl that finds almost nothing (a sign-in that failed, a home page without links) checks nothing.
        if (perTemplate.Count < (role == "" ? 10 : 25)) failures.Add($"- {summary} : trop peu de pages atteintes");
        return summary;
    }

    // axe skips gathering what passes: the crawl's main cost.
    private static readonly Deque.AxeCore.Commons.AxeRunOptions ViolationsOnly = new()
    {
        ResultTypes = [Deque.AxeCore.Commons.ResultType.Violations],
    };

    private sealed class PageState
    {
        public string Lang { get; set; } = "";
        public int Overflow { get; set; }
        public string[] Links { get; set; } = [];
    }

    /// <summary>A link the crawler follows, as a path and query without its fragment; null for another site or a sign-out.</summary>
    private string? SameSiteGet(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri)) return null;
        if (uri.GetLeftPart(UriPartial.Authority) != browser.BaseUrl) return null;
        var path = uri.PathAndQuery;
        return path.StartsWith("/compte/deconnexion") || path.StartsWith("/installation") ? null : path;
    }

    private string Short(string url) => url.StartsWith(browser.BaseUrl) ? url[browser.BaseUrl.Length..] : url;

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static int? _structureId;

    /// <summary>
    /// Once per run: a small world, so that every kind of page has a record to show — a quartier, a structure with a member,
    /// a tool, an observation, an experience report (with a task list and a table, which Markdown renders as controls and a
    /// scrolling table), an event, an open survey with an answer, a watch item and a working group.
    /// </summary>
    private async Task SeedWorld()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_structureId is not null) return;
            var (structure, tool, observation, quartier, theme) = await browser.Seed(s =>
            {
                var quartier = s.Quartier("Rives du Cher", s.Territory("Tours"));
                var structure = s.Structure("Maison des associations du Cher", quartier);
                structure.Description = "Accueil des associations du quartier, **ateliers numériques** le mardi.";
                var theme = s.Theme("Vie de quartier");
                var audience = s.Audience("Habitants");
                var tool = s.Tool("Framaforms", "Enquêtes et formulaires", "Libre");
                var observation = s.Observation("Questionnaire de quartier avec Framaforms", structure, tools: [tool], themes: [theme],
                    audiences: [audience]);
                var ev = s.Event("Café numérique des Rives du Cher");
                ev.Structure = structure;
                ev.Territory = quartier;
                s.Add(new WatchItem
                {
                    Url = "https://exemple.org/enquetes-libres", Title = "Des enquêtes libres pour les centres sociaux",
                    Note = "Un comparatif des outils d'enquête libres.", Status = WatchStatus.Published, Tools = [tool], Themes = [theme],
                    CreatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
                });
                s.Add(new WorkingGroup { Name = "Groupe enquêtes", Slug = "groupe-enquetes-crawler", Purpose = "Partager nos questionnaires.",
                    CreatedAt = DateTime.UtcNow });
                var survey = new Survey { Title = "Vos usages du numérique", Slug = "vos-usages-crawler", Status = SurveyStatus.Open,
                    Intro = "Cinq minutes pour nous dire ce que vous faites en ligne.", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
                var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
                var where = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Territory, Text = "Votre quartier" };
                var how = new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.SingleChoice, Text = "Êtes-vous à l'aise en ligne ?" };
                how.Options.AddRange([new QuestionOption { Label = "Oui", Code = "oui", Order = 0 }, new QuestionOption { Label = "Non", Code = "non", Order = 1 }]);
                survey.Sections.Add(section);
                survey.Questions.AddRange([where, how]);
                s.Add(survey);
                s.Add(new Response
                {
                    Survey = survey, CreatedAt = DateTime.UtcNow.AddDays(-1), IdempotencyKey = Guid.NewGuid(),
                    Answers = [new Answer { Question = where, Territory = quartier }, new Answer { Question = how, Option = how.Options[0] }],
                });
                return (structure, tool, observation, quartier, theme);
            });
            await using (var scope = browser.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
                var report = new WikiPage
                {
                    Title = "Retour : un questionnaire de quartier", Slug = "retour-questionnaire-crawler", Type = WikiPageType.ExperienceReport,
                    Visibility = WikiVisibility.Public,
                    Structures = [(await db.Structures.FindAsync(structure.Id))!],
                    Tools = [(await db.DigitalTools.FindAsync(tool.Id))!],
                    Territories = [(await db.Territories.FindAsync(quartier.Id))!],
                    Themes = [(await db.Themes.FindAsync(theme.Id))!],
                    Observations = [(await db.Observations.FindAsync(observation.Id))!],
                };
                await WikiStore.SaveRevisionAsync(db, report, report.Title,
                    "## Ce que nous avons fait\n\n- [x] Écrire les questions\n- [ ] Publier les résultats\n\n" +
                    "| Semaine | Réponses |\n|---|---|\n| 1 | 12 |\n| 2 | 30 |\n", null, null, DateTime.UtcNow, default);
            }
            _structureId = structure.Id;
        }
        finally
        {
            Seeding.Release();
        }
    }

    /// <summary>The portal's route templates, to group the pages a crawl finds by the page that serves them.</summary>
    private sealed class RouteTemplates
    {
        private readonly List<(string Template, Regex Pattern, int Parameters)> _routes;

        public RouteTemplates(IServiceProvider services) =>
            _routes = [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
                .Distinct()
                .Select(t => (t, Compile(t), t.Count(c => c == '{')))
                .OrderBy(r => r.Item3)];

        public string TemplateOf(string pathAndQuery)
        {
            var path = pathAndQuery.Split('?')[0];
            return _routes.FirstOrDefault(r => r.Pattern.IsMatch(path)).Template ?? path;
        }

        // "/observations/{id:int}" → ^/observations/\d+$; an optional last segment "{handler?}" may be absent.
        private static Regex Compile(string template)
        {
            var pattern = Regex.Replace(Regex.Escape(template).Replace(@"\{", "{"), @"/\{(\w+)(:\w+)?\\\?\}", @"(/[^/]+)?");
            pattern = Regex.Replace(pattern, @"\{\w+:int\}", @"\d+");
            pattern = Regex.Replace(pattern, @"\{\w+(:[^}]*)?\}", "[^/]+");
            return new Regex("^" + pattern + "$", RegexOptions.IgnoreCase);
        }
    }
}
