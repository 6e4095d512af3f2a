namespace Observatoire.IntegrationTests.Account;

public class LockoutTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        using var client = Portal.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignIn(client, user.Email!, "Mauvais-Mot-2026");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await SignIn(client, user.Email!, PortalFixture.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("verrouillé", (await right.ReadHtml()).Body!.Text());
        var lockoutEnd = await Portal.Db(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, "Le compte devrait être verrouillé en base.");
        using var home = await client.GetAsync("/compte");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_French_without_locking_the_account()
    {
        var user = await Portal.CreateUser(Roles.Partenaire);
        using var client = Portal.CreateClient();

        using var wrong = await SignIn(client, user.Email!, "Mauvais-Mot-2026");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await wrong.ReadHtml();
        Assert.DoesNotContain("verrouillé", page.Body!.Text());
        Assert.Contains("incorrect", page.QuerySelector(".validation-summary-errors")?.Text() ?? "(aucun message d'erreur)");
        using var right = await SignIn(client, user.Email!, PortalFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.PostForm("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
