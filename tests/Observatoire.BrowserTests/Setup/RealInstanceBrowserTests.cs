using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Observatoire.IntegrationTests.Infrastructure;

namespace Observatoire.BrowserTests.Setup;

/// <summary>
/// An instance as its people get it: the published defaults (Production), an empty database, no environment variable
/// for the first administrator, no demo data. Everything a form needs is made in the portal.
/// </summary>
[Collection(nameof(BrowserCollection))]
public partial class RealInstanceBrowserTests(BrowserFixture browser)
{
    private const string Name = "Observatoire citoyen des Deux Rives";

    [Fact]
    public async Task An_empty_instance_is_set_up_by_its_people_and_its_first_observation_reaches_the_dashboard_and_a_synthesis()
    {
        var logs = new LogCapture();
        await using var portal = await browser.StartEmptyPortalAsync("obs_instance", logs, "Production");
        var violations = new List<string>();

        // A clean first start: nothing alarming in the log, one line naming the migrations applied.
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}"));
        Assert.Single(logs.Entries, e => e.Message.StartsWith("Migrations appliquées", StringComparison.Ordinal));
        var link = logs.Entries.Select(e => SetupLink().Match(e.Message)).Single(m => m.Success).Groups["url"].Value;
        // The address the portal gives in its log is the one its people use from then on (cookies follow the host name).
        var baseUrl = new Uri(link).GetLeftPart(UriPartial.Authority);

        // 1. The person who installed it opens the logged link, creates the first administrator and names the observatory.
        var admin = await browser.NewPage();
        await admin.GotoAsync(link);
        await admin.GetByLabel("Nom de l'observatoire", new() { Exact = true }).FillAsync(Name);
        await admin.GetByLabel("Nom court", new() { Exact = true }).FillAsync("Deux Rives");
        await admin.GetByLabel("Territoire", new() { Exact = true }).FillAsync("Tours et Joué-lès-Tours");
        await admin.GetByLabel("Votre nom et prénom").FillAsync("Léa Martin");
        await admin.GetByLabel("Votre adresse e-mail").FillAsync("lea.martin@deux-rives.fr");
        await admin.GetByLabel("Nouveau mot de passe").FillAsync("Installation-2026");
        await admin.GetByLabel("Confirmer le mot de passe").FillAsync("Installation-2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Installer l'observatoire" }).ClickAsync();
        // Production asks staff for a second factor before anything else.
        await EnrolSecondFactor(admin);

        // 2. The starter lists, with one button.
        await admin.GotoAsync(baseUrl + "/admin/listes");
        violations.AddRange(await BrowserFixture.SeriousViolations(admin, "listes avant chargement"));
        await BrowserFixture.Submit(admin.GetByRole(AriaRole.Button, new() { Name = "Charger les listes de départ" }));
        violations.AddRange(await BrowserFixture.SeriousViolations(admin, "listes chargées"));
        await BrowserFixture.Screenshot(admin, "instance-listes-de-depart.png");

        // 3. A structure, with a kind and a quartier from those lists.
        await admin.GotoAsync(baseUrl + "/annuaire/structures/nouvelle");
        await admin.GetByLabel("Nom", new() { Exact = true }).FillAsync("Centre social Pluriel(le)");
        await SelectByText(admin, "Type", "Centre social");
        await SelectByText(admin, "Territoire", "Sanitas");
        await BrowserFixture.Submit(admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }), new Regex("/annuaire/structures/[a-z0-9-]+$"));
        Assert.Equal("Centre social Pluriel(le)", await admin.Locator("h1").InnerTextAsync());

        // 4. A contributor of that structure, and a coordinator, invited; without SMTP the link is handed over by hand.
        var contributorLink = await Invite(admin, baseUrl, "Karim Benali", "karim@pluriel.fr", "Contributeur", "Centre social Pluriel(le)");
        var coordinatorLink = await Invite(admin, baseUrl, "Nadia Roux", "nadia@deux-rives.fr", "Coordination", null);

        // 5. The contributor activates the account and logs an observation, typing in a tool the list does not have.
        var contributor = await browser.NewPage(390, 844);
        await Activate(contributor, contributorLink, "Karim-Pluriel-2026");
        await contributor.GotoAsync(baseUrl + "/observations/nouvelle");
        violations.AddRange(await BrowserFixture.SeriousViolations(contributor, "nouvelle observation"));
        await contributor.GetByLabel("Titre").FillAsync("Premier atelier CV en ligne");
        await contributor.GetByLabel("Nombre de participants").FillAsync("7");
        await contributor.GetByLabel("Un outil qui n'est pas dans la liste ?").FillAsync("Framapad");
        await contributor.GetByLabel("Emploi", new() { Exact = true }).CheckAsync();
        await contributor.Locator("fieldset:has(legend:text-is('Publics')) input[type=checkbox]").First.CheckAsync();
        await contributor.Locator("input[name='Input.AppropriationLevel']").Nth(2).CheckAsync();
        await BrowserFixture.Submit(contributor.GetByRole(AriaRole.Button, new() { Name = "Soumettre à la coordination" }), new Regex(@"/observations/\d+$"));
        var observation = new Uri(contributor.Url).AbsolutePath;
        await contributor.Context.CloseAsync();

        // 6. The coordinator activates the account, enrols a second factor and validates it.
        var coordinator = await browser.NewPage();
        await Activate(coordinator, coordinatorLink, "Nadia-Coordination-2026");
        await EnrolSecondFactor(coordinator);
        await coordinator.GotoAsync(baseUrl + "/observations/a-valider");
        await BrowserFixture.Submit(coordinator.GetByRole(AriaRole.Link, new() { Name = "Premier atelier CV en ligne" }));
        await BrowserFixture.Submit(coordinator.GetByRole(AriaRole.Button, new() { Name = "Valider l'observation" }));
        Assert.Contains("Observation validée", await coordinator.Locator("main").InnerTextAsync());

        // 7. It counts on the dashboard…
        await coordinator.GotoAsync(baseUrl + "/tableau-de-bord");
        Assert.Equal("1", await coordinator.Locator("#chiffre-observations .figure-value").InnerTextAsync());
        violations.AddRange(await BrowserFixture.SeriousViolations(coordinator, "tableau de bord"));

        // 8. …and in a synthesis whose every page carries the observatory's name.
        await coordinator.GotoAsync(baseUrl + "/syntheses");
        await BrowserFixture.Submit(coordinator.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu" }), url => url.Contains("/syntheses/apercu"));
        // A synthesis leaves the members' space: one observation is « < 5 », and its structure is among the contributors.
        Assert.Equal("< 5", await coordinator.Locator("#chiffre-observations .figure-value").InnerTextAsync());
        Assert.Contains("Centre social Pluriel(le)", await coordinator.Locator("#partie-structures").InnerTextAsync());
        await BrowserFixture.Submit(coordinator.GetByRole(AriaRole.Button, new() { Name = "Générer le PDF" }), url => url.Contains("creee=SYN-"));
        var href = await coordinator.Locator(".notice a").GetAttributeAsync("href");
        var pdf = await (await coordinator.Context.APIRequest.GetAsync(baseUrl + href)).BodyAsync();
        await coordinator.Context.CloseAsync();
        await admin.Context.CloseAsync();

        var pages = (await PdfTextLayer.ReadAsync(pdf)).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains(Name, Regex.Replace(page, @"\s+", " ")));
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}"));
        Assert.True(violations.Count == 0, "Violations d'accessibilité graves :\n" + string.Join("\n", violations));
    }

    /// <summary>The enrolment page the portal sends staff to: the key read as an authenticator app would, its code typed.</summary>
    private static async Task EnrolSecondFactor(IPage page)
    {
        // Reached by a click on the page before: its address and its parsed document, asked of the page itself (see BrowserFixture.Submit).
        await page.WaitForFunctionAsync("() => location.pathname.startsWith('/compte/double-authentification/activer') && document.readyState !== 'loading'");
        var key = await page.Locator(".secret-key").InnerTextAsync();
        await page.GetByLabel("Code de vérification").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Link, new() { Name = "J'ai noté mes codes, continuer" }));
    }

    private static async Task<string> Invite(IPage admin, string baseUrl, string name, string email, string role, string? structure)
    {
        await admin.GotoAsync(baseUrl + "/admin/comptes/inviter");
        await admin.GetByLabel("Nom et prénom").FillAsync(name);
        await admin.GetByLabel("Adresse e-mail").FillAsync(email);
        await admin.GetByLabel(role, new() { Exact = true }).CheckAsync();
        if (structure is not null) await admin.GetByLabel(structure, new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et l'invitation" }).ClickAsync();
        return await admin.GetByLabel("Lien d'invitation").InputValueAsync();
    }

    private static async Task Activate(IPage page, string invitation, string password)
    {
        await page.GotoAsync(invitation);
        await page.GetByLabel("Nouveau mot de passe").FillAsync(password);
        await page.GetByLabel("Confirmer le mot de passe").FillAsync(password);
        await BrowserFixture.Submit(page.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }), url => !url.Contains("/compte/invitation"));
    }

    /// <summary>Chooses, in the select labelled <paramref name="label"/>, the option whose text contains <paramref name="text"/>.</summary>
    private static async Task SelectByText(IPage page, string label, string text)
    {
        var select = page.GetByLabel(label, new() { Exact = true });
        var options = await select.Locator("option").AllAsync();
        foreach (var option in options)
            if ((await option.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                await select.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
                return;
            }
        Assert.Fail($"« {text} » n'est pas proposé dans « {label} ».");
    }

    [GeneratedRegex(@"^Aucun administrateur : ouvrez (?<url>http://\S+/installation\?jeton=\S+) pour installer l'observatoire")]
    private static partial Regex SetupLink();
}
