using AngleSharp.Html.Dom;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Security;

/// <summary>On the hardened portal, where Administrateur and Coordination accounts must use an authenticator app.</summary>
public class TwoFactorTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Enrolment = "/compte/double-authentification/activer";

    [Fact]
    public async Task A_staff_account_signed_in_with_a_password_only_reaches_nothing_but_enrolment()
    {
        var admin = await Portal.CreateUser(Roles.Administrateur);
        using var client = await Portal.SignIn(Portal.CreateHardenedClient(), admin.Email!);

        foreach (var path in new[] { "/", "/admin", "/admin/journal", "/compte", "/compte/mes-donnees" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} : {(int)response.StatusCode} au lieu d'une redirection.");
            Assert.Equal($"{Enrolment}?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.OriginalString);
        }
        var page = await client.GetHtml(Enrolment);
        Assert.Contains("obligatoire", page.QuerySelector("main")!.Text());
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using (var css = await client.GetAsync(stylesheet)) Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        using (var health = await client.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // A form posted elsewhere (with a valid token) is not carried out either.
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var invite = await client.PostAsync("/admin/comptes/inviter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.DisplayName"] = "Intrus", ["Input.Email"] = "intrus@test.fr", ["Input.Role"] = Roles.Administrateur,
        }));
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.False(await Portal.Db(db => db.Users.AnyAsync(u => u.Email == "intrus@test.fr")));

        using var signOut = await client.PostForm(Enrolment, new Dictionary<string, string>(), "header form[action='/compte/deconnexion']");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/compte");
        Assert.Equal("/compte/connexion", new Uri(client.BaseAddress!, after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Enrolling_with_a_code_from_the_app_shows_ten_recovery_codes_once_and_opens_the_portal()
    {
        var coordination = await Portal.CreateUser(Roles.Coordination);
        using var client = await Portal.SignIn(Portal.CreateHardenedClient(), coordination.Email!);
        var page = await client.GetHtml(Enrolment);
        var key = page.QuerySelector(".secret-key")!.Text();
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector<IHtmlImageElement>("img.qr-code")!.Source);

        using var wrong = await client.PostForm(Enrolment, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10)) }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("ne correspond pas", (await wrong.ReadHtml()).QuerySelector("#Code-erreur")?.Text() ?? "(pas de message près du champ)");
        Assert.False(await Portal.Db(db => db.Users.Where(u => u.Id == coordination.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        using var right = await client.PostForm(Enrolment, new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "main form[method=post]");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(10, (await right.ReadHtml()).QuerySelectorAll(".recovery-codes li").Length);
        Assert.True(await Portal.Db(db => db.Users.Where(u => u.Id == coordination.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        await client.GetHtml("/compte");
        var manage = await client.GetHtml("/compte/double-authentification");
        Assert.Empty(manage.QuerySelectorAll(".recovery-codes"));
        Assert.Contains("restants : 10", manage.QuerySelector("main")!.Text());
        Assert.True(await Portal.Db(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorEnabled && a.UserId == coordination.Id)));
    }

    [Fact]
    public async Task Once_enrolled_signing_in_asks_for_the_code_and_refuses_a_wrong_one()
    {
        var admin = await Portal.CreateUser(Roles.Administrateur);
        var (key, _) = await Enrol(admin.Email!);
        using var client = Portal.CreateHardenedClient();

        using var password = await client.PostForm("/compte/connexion?ReturnUrl=%2Fadmin", new Dictionary<string, string>
        {
            ["Input.Email"] = admin.Email!, ["Input.Password"] = PortalFixture.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var step = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/compte/connexion-2fa?", step);
        using (var notYet = await client.GetAsync("/admin")) Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);

        using var wrong = await client.PostForm(step, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10)) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Code incorrect", (await wrong.ReadHtml()).QuerySelector("#Code-erreur")!.Text());

        var code = Totp.Code(key);
        using var right = await client.PostForm(step, new Dictionary<string, string> { ["Code"] = code[..3] + " " + code[3..] });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin", right.Headers.Location!.OriginalString);
        await client.GetHtml("/admin");
        var actions = await Portal.Db(db => db.AuditEntries.Where(a => a.UserId == admin.Id).OrderBy(a => a.Id).Select(a => a.Action + ":" + a.Details).ToListAsync());
        Assert.Contains($"{AuditActions.SignInFailed}:code de vérification incorrect", actions);
        Assert.Equal($"{AuditActions.SignIn}:mot de passe et code", actions[^1]);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var admin = await Portal.CreateUser(Roles.Administrateur);
        var (_, codes) = await Enrol(admin.Email!);
        using var first = await Portal.SignIn(Portal.CreateHardenedClient(), admin.Email!);

        using var used = await first.PostForm("/compte/connexion-recuperation", new Dictionary<string, string> { ["Code"] = codes[0].ToLowerInvariant().Replace("-", " ") });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        await first.GetHtml("/admin");

        using var second = await Portal.SignIn(Portal.CreateHardenedClient(), admin.Email!);
        using var again = await second.PostForm("/compte/connexion-recuperation", new Dictionary<string, string> { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("n'est pas valable", (await again.ReadHtml()).QuerySelector("#Code-erreur")!.Text());
    }

    [Fact]
    public async Task Staff_may_not_turn_off_two_factor_but_a_contributor_may()
    {
        var admin = await Portal.CreateUser(Roles.Administrateur);
        var (adminKey, _) = await Enrol(admin.Email!);
        using var adminClient = await SignInWithCode(admin.Email!, adminKey);
        var page = await adminClient.GetHtml("/compte/double-authentification/desactiver");
        Assert.Empty(page.QuerySelectorAll("main form"));
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var refused = await adminClient.PostAsync("/compte/double-authentification/desactiver", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Password"] = PortalFixture.Password }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await Portal.Db(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var contributor = await Portal.CreateUser(Roles.Contributeur);
        using var client = await Portal.SignIn(Portal.CreateHardenedClient(), contributor.Email!);
        await client.GetHtml("/compte");
        var key = (await client.GetHtml(Enrolment)).QuerySelector(".secret-key")!.Text();
        using var enrolled = await client.PostForm(Enrolment, new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        using var off = await client.PostForm("/compte/double-authentification/desactiver",
            new Dictionary<string, string> { ["Password"] = PortalFixture.Password }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await Portal.Db(db => db.Users.Where(u => u.Id == contributor.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    /// <summary>Signs in with the password, enrols an authenticator, and returns its key and the recovery codes.</summary>
    private async Task<(string Key, string[] Codes)> Enrol(string email)
    {
        using var client = await Portal.SignIn(Portal.CreateHardenedClient(), email);
        var key = (await client.GetHtml(Enrolment)).QuerySelector(".secret-key")!.Text();
        using var response = await client.PostForm(Enrolment, new Dictionary<string, string> { ["Code"] = Totp.Code(key) }, "main form[method=post]");
        var codes = (await response.ReadHtml()).QuerySelectorAll(".recovery-codes li").Select(li => li.Text()).ToArray();
        Assert.Equal(10, codes.Length);
        return (key, codes);
    }

    private async Task<HttpClient> SignInWithCode(string email, string key)
    {
        var client = await Portal.SignIn(Portal.CreateHardenedClient(), email);
        using var response = await client.PostForm("/compte/connexion-2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
