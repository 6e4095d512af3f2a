namespace Observatoire.IntegrationTests.Security;

public class HeadersTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Behind_https_the_portal_sends_a_one_year_HSTS_policy_for_subdomains_too()
    {
        using var client = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "observatoire.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }

    [Fact]
    public async Task Pages_for_a_signed_in_person_are_not_cached_but_static_files_are()
    {
        using var client = await Portal.SignedInAs(Roles.Contributeur);

        using var page = await client.GetAsync("/compte");
        var stylesheet = (await page.ReadHtml()).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var css = await client.GetAsync(stylesheet);

        Assert.True(page.Headers.CacheControl?.NoStore, "Cache-Control: no-store attendu sur /compte.");
        Assert.False(css.Headers.CacheControl?.NoStore ?? false, "La feuille de style ne devrait pas être en no-store.");
    }

    /// <summary>
    /// The policy says style-src 'self': an inline style attribute is blocked and logged as an error by the browser (the
    /// crawler of BrowserTests/Accessibility found one on every form: the empty validation summary's hidden item).
    /// </summary>
    [Theory]
    [InlineData("/admin/journal")]
    [InlineData("/admin/parametres")]
    [InlineData("/observations/nouvelle")]
    public async Task A_form_page_writes_no_inline_style_that_the_content_security_policy_would_block(string url)
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        var page = await admin.GetHtml(url);

        Assert.NotNull(page.QuerySelector("main form"));
        Assert.Empty(page.QuerySelectorAll("[style]").Select(e => e.OuterHtml));
    }
}
