using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Setup;

/// <summary>
/// The first run without environment variables: every test starts from an instance before its setup (no administrator,
/// no settings), which is what <see cref="PortalFixture.ResetAsync"/> leaves.
/// </summary>
public partial class SetupTests(PortalFixture portal) : PortalTest(portal)
{
    private const string AdminEmail = "lea.martin@centre-social.fr";

    [Fact]
    public async Task Before_the_setup_pages_point_to_it_and_say_where_the_link_is()
    {
        using var visitor = Portal.CreateClient();

        var home = await visitor.GetHtml("/");
        var setup = await visitor.GetHtml("/installation");

        var banner = home.QuerySelector(".setup-pending")!;
        Assert.Contains("journalctl -u observatoire", banner.Text());
        Assert.NotNull(banner.QuerySelector("a[href='/installation']"));
        Assert.Equal("Observatoire", Brand(home));
        Assert.Equal("Installation en attente", setup.QuerySelector("h1")!.Text());
        Assert.Contains("journalctl -u observatoire", setup.QuerySelector("main")!.Text());
        Assert.Null(setup.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_wrong_token_creates_nothing_and_says_so_in_French()
    {
        var token = await IssueTokenAsync();
        using var client = Portal.CreateClient();

        var shown = await client.GetHtml("/installation?jeton=faux");
        using var response = await client.PostForm($"/installation?jeton={token}", Form(new() { ["jeton"] = token[..^2] + "xx" }), "main form");

        Assert.Contains("n'est pas valable", shown.QuerySelector("main")!.Text());
        Assert.Null(shown.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce lien d'installation n'est pas valable : rien n'a été créé.", (await response.ReadHtml()).QuerySelector("main")!.Text());
        Assert.Equal(0, await Portal.Db(db => db.Users.CountAsync()));
        Assert.Equal(0, await Portal.Db(db => db.ObservatorySettings.CountAsync()));
        Assert.Equal(1, await Portal.Db(db => db.SetupTokens.CountAsync()));
    }

    [Fact]
    public async Task The_right_token_creates_the_administrator_names_the_observatory_and_cannot_be_used_again()
    {
        var token = await IssueTokenAsync();
        using var first = Portal.CreateClient();
        using var second = Portal.CreateClient();
        // Both opened the link before either sent the form: the second is the token used again.
        var firstForm = await TakeFormAsync(first, $"/installation?jeton={token}");
        var secondForm = await TakeFormAsync(second, $"/installation?jeton={token}");

        using var created = await first.PostAsync("/installation", new FormUrlEncodedContent(firstForm.Concat(Form())));
        using var reused = await second.PostAsync("/installation", new FormUrlEncodedContent(secondForm.Concat(Form(new()
        {
            ["Input.Email"] = "intrus@exemple.fr",
        }))));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin", created.Headers.Location!.OriginalString);
        var admin = await Portal.Scope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(AdminEmail))!;
            return new { user.DisplayName, Roles = await users.GetRolesAsync(user) };
        });
        Assert.Equal("Léa Martin", admin.DisplayName);
        Assert.Equal([Roles.Administrateur], admin.Roles);
        var settings = await Portal.Db(db => db.ObservatorySettings.SingleAsync());
        Assert.Equal(("Observatoire des Deux Rives", "Deux Rives", "Saint-Pierre-des-Corps"), (settings.Name, settings.ShortName, settings.Territory));
        Assert.Contains("CNIL", settings.PrivacyNotice);
        Assert.Equal(0, await Portal.Db(db => db.SetupTokens.CountAsync()));
        Assert.True(await Portal.Db(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Setup && a.Target == "Observatoire des Deux Rives")));

        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        Assert.Contains("déjà installé", (await reused.ReadHtml()).QuerySelector("h1")!.Text());
        Assert.Equal(1, await Portal.Db(db => db.Users.CountAsync()));

        // Signed in, on the admin home that says what to do next; the header carries the new name.
        var home = await first.GetHtml("/admin");
        Assert.Contains("est installé", home.QuerySelector("main .notice")!.Text());
        Assert.Equal("Charger les listes de départ", home.QuerySelector("#premiers-pas ~ ol a[href='/admin/listes']")!.Text());
        Assert.Equal("Observatoire des Deux Rives Saint-Pierre-des-Corps", Brand(home));
        Assert.Null(home.QuerySelector(".setup-pending"));
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_is_refused_in_French_next_to_its_field_and_creates_nothing()
    {
        var token = await IssueTokenAsync();
        using var client = Portal.CreateClient();

        using var response = await client.PostForm($"/installation?jeton={token}", Form(new()
        {
            ["Input.Password.NewPassword"] = "motdepassesimple",
            ["Input.Password.ConfirmPassword"] = "motdepassesimple",
        }), "main form");

        var page = await response.ReadHtml();
        var error = page.QuerySelector("[data-valmsg-for='Input.Password.NewPassword']")!.Text();
        Assert.Contains("Le mot de passe doit contenir au moins", error);
        Assert.Equal("Observatoire des Deux Rives", (page.QuerySelector("#Input_Name") as IHtmlInputElement)!.Value);
        Assert.Equal(0, await Portal.Db(db => db.Users.CountAsync()));
        Assert.Equal(1, await Portal.Db(db => db.SetupTokens.CountAsync()));
    }

    [Fact]
    public async Task The_setup_page_is_gone_once_an_administrator_exists()
    {
        var token = await IssueTokenAsync();
        await Portal.CreateUser(Roles.Administrateur);
        using var visitor = Portal.CreateClient();

        var page = await visitor.GetHtml($"/installation?jeton={token}", HttpStatusCode.NotFound);
        var home = await visitor.GetHtml("/");

        Assert.Null(page.QuerySelector("main form"));
        Assert.Null(home.QuerySelector(".setup-pending"));
    }

    [Fact]
    public async Task With_the_demo_data_there_is_no_setup_and_the_demo_keeps_its_name()
    {
        await Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(new ObservatoireOptions { DemoData = true }));
        Portal.Factory.Services.GetRequiredService<ObservatorySettingsCache>().Forget();
        using var visitor = Portal.CreateClient();

        var home = await visitor.GetHtml("/");
        await visitor.GetHtml("/installation", HttpStatusCode.NotFound);

        Assert.Null(home.QuerySelector(".setup-pending"));
        Assert.Equal("Observatoire partagé des usages numériques", home.QuerySelector("h1")!.Text());
        Assert.Equal("Observatoire partagé des usages numériques · Tours et Joué-lès-Tours", Brand(home));
        Assert.Equal("Accueil — Observatoire", home.Title);
    }

    [Fact]
    public async Task A_first_start_without_administrator_logs_the_setup_link_which_opens_the_form()
    {
        var logs = new LogCapture();
        await using var fresh = await StartAsync(logs);

        var line = Assert.Single(logs.Entries, e => e.Message.StartsWith("Aucun administrateur", StringComparison.Ordinal)).Message;
        var match = SetupLine().Match(line);
        Assert.True(match.Success, line);
        Assert.True(match.Groups["token"].Value.Length >= 43, "Le jeton devrait porter au moins 256 bits.");
        using var client = fresh.CreateClient();
        var form = await client.GetHtml(match.Groups["path"].Value);
        Assert.NotNull(form.QuerySelector("main form input[name='Input.Password.NewPassword']"));
    }

    [Fact]
    public async Task A_first_administrator_from_the_environment_still_works_and_no_setup_link_is_logged()
    {
        var logs = new LogCapture();
        await using var fresh = await StartAsync(logs, new()
        {
            ["Observatoire:Admin:Email"] = "admin@exemple.fr",
            ["Observatoire:Admin:Password"] = "Mot-de-passe-2026",
        });
        using var client = fresh.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await client.GetHtml("/installation", HttpStatusCode.NotFound);

        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("/installation"));
        using var signIn = await client.PostForm("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@exemple.fr",
            ["Input.Password"] = "Mot-de-passe-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    /// <summary>A portal of its own on a new database, started as a real first start, its warnings collected.</summary>
    private async Task<PortalFactory> StartAsync(LogCapture logs, Dictionary<string, string?>? settings = null)
    {
        var factory = new PortalFactory(await Portal.CreateDatabaseAsync("obs_setup"), new Dictionary<string, string?>(settings ?? [])
        {
            [PortalFactory.SetupAnnouncementLevel] = "Warning",
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        _ = factory.Server;
        return factory;
    }

    [GeneratedRegex(@"^Aucun administrateur : ouvrez http://localhost(?<path>/installation\?jeton=(?<token>[A-Za-z0-9_-]+)) pour installer l'observatoire")]
    private static partial Regex SetupLine();

    /// <summary>The header's name as read: the mark, then the smaller line (the decorative sign left out).</summary>
    private static string Brand(IDocument page) => page.QuerySelector(".brand > span:not(.brand-mark)")!.Text();

    private Task<string> IssueTokenAsync() => Portal.Scope(sp => sp.GetRequiredService<SetupTokens>().IssueAsync());

    /// <summary>A complete setup form; <paramref name="changes"/> replace or add fields.</summary>
    private static Dictionary<string, string> Form(Dictionary<string, string>? changes = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Observatoire des Deux Rives",
            ["Input.ShortName"] = "Deux Rives",
            ["Input.Territory"] = "Saint-Pierre-des-Corps",
            ["Input.DisplayName"] = "Léa Martin",
            ["Input.Email"] = AdminEmail,
            ["Input.Password.NewPassword"] = "Installation-2026",
            ["Input.Password.ConfirmPassword"] = "Installation-2026",
        };
        foreach (var (key, value) in changes ?? []) form[key] = value;
        return form;
    }

    /// <summary>The hidden fields (antiforgery token, setup token) of the setup form, to send later.</summary>
    private static async Task<List<KeyValuePair<string, string>>> TakeFormAsync(HttpClient client, string url)
    {
        var page = await client.GetHtml(url);
        return page.QuerySelectorAll<IHtmlInputElement>("main form input[type=hidden][name]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
    }
}
