using AngleSharp.Html.Dom;

namespace Observatoire.IntegrationTests.Security;

public class CookieTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Behind_an_https_proxy_every_cookie_is_secure_http_only_and_same_site_lax()
    {
        var cookies = await SignInCollectingCookies(forwardedProto: "https");

        Assert.Contains(cookies, c => c.StartsWith("observatoire.af="));
        Assert.Contains(cookies, c => c.StartsWith("observatoire.auth="));
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=lax", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Over_plain_http_cookies_are_not_marked_secure_so_that_local_use_works()
    {
        var cookies = await SignInCollectingCookies(forwardedProto: null);

        Assert.Contains(cookies, c => c.StartsWith("observatoire.auth="));
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Signs in by hand (the test client would not send secure cookies over http) and returns every Set-Cookie.</summary>
    private async Task<List<string>> SignInCollectingCookies(string? forwardedProto)
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        using var client = Portal.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false,
        });
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var setCookies = new List<string>();

        using var get = await client.GetAsync("/compte/connexion");
        setCookies.AddRange(get.Headers.GetValues("Set-Cookie"));
        var token = (await get.ReadHtml()).QuerySelector<IHtmlInputElement>("main input[name=__RequestVerificationToken]")!.Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Email"] = user.Email!, ["Input.Password"] = PortalFixture.Password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", setCookies.Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        setCookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));
        return setCookies;
    }
}
