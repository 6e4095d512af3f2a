namespace Observatoire.IntegrationTests.Security;

public class RateLimitTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_eleventh_login_attempt_in_a_minute_from_one_address_gets_the_French_429_page_and_others_still_get_in()
    {
        using var client = Portal.CreateHardenedClient("203.0.113.7");
        var attempt = new Dictionary<string, string> { ["Input.Email"] = "personne@test.fr", ["Input.Password"] = "Mauvais-Mot-2026" };

        for (var i = 1; i <= 10; i++)
        {
            using var allowed = await client.PostForm("/compte/connexion", attempt);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"Essai {i} : {(int)allowed.StatusCode}");
        }
        using var eleventh = await client.PostForm("/compte/connexion", attempt);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.True(eleventh.Headers.RetryAfter is not null, "En-tête Retry-After absent.");
        Assert.Contains("Trop de demandes", (await eleventh.ReadHtml()).QuerySelector("h1")!.Text());
        using var neighbour = Portal.CreateHardenedClient("203.0.113.8");
        using var other = await neighbour.PostForm("/compte/connexion", attempt);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Password_reset_requests_are_limited_per_address()
    {
        using var client = Portal.CreateHardenedClient("203.0.113.20");
        var request = new Dictionary<string, string> { ["Email"] = "personne@test.fr" };

        for (var i = 1; i <= 5; i++)
        {
            using var allowed = await client.PostForm("/compte/mot-de-passe-oublie", request);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var sixth = await client.PostForm("/compte/mot-de-passe-oublie", request);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
    }
}
