namespace Observatoire.IntegrationTests.Account;

public class SignInTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Signing_in_goes_back_to_the_page_that_asked_for_it()
    {
        var user = await Portal.CreateUser(Roles.Coordination);
        using var client = Portal.CreateClient();
        using var protectedPage = await client.GetAsync("/compte/mes-donnees");
        var login = new Uri(client.BaseAddress!, protectedPage.Headers.Location!).PathAndQuery;

        using var response = await client.PostForm(login, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = PortalFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/mes-donnees", response.Headers.Location!.OriginalString);
        await client.GetHtml("/compte/mes-donnees");
    }

    [Fact]
    public async Task Signing_in_never_sends_people_to_another_site()
    {
        var user = await Portal.CreateUser(Roles.Partenaire);
        using var client = Portal.CreateClient();

        using var response = await client.PostForm("/compte/connexion?returnUrl=%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = PortalFixture.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_out_button_in_the_header_signs_out()
    {
        using var client = await Portal.SignedInAs(Roles.Contributeur);

        using var signOut = await client.PostForm("/compte", new Dictionary<string, string>(),
            "header form[action='/compte/deconnexion']");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var again = await client.GetAsync("/compte");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/compte/connexion", new Uri(client.BaseAddress!, again.Headers.Location!).AbsolutePath);
    }
}
