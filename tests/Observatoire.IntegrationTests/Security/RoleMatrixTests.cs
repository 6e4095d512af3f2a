using static Observatoire.IntegrationTests.Security.RoleMatrix;

namespace Observatoire.IntegrationTests.Security;

public class RoleMatrixTests(PortalFixture portal) : PortalTest(portal)
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (route, _) in Pages)
            foreach (var visitor in Visitors)
                cases.Add(route, visitor);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_page_answers_each_visitor_as_the_matrix_says(string route, string visitor)
    {
        var access = Pages.Single(p => p.Route == route).Access;
        using var client = visitor == Anonymous ? Portal.CreateClient() : await Portal.SignedInAs(visitor);

        using var response = await client.GetAsync(route);

        var said = $"{visitor} sur {route} ({access})";
        switch (Expected(access, visitor))
        {
            case Outcome.Ok:
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{said} : 200 attendu, {(int)response.StatusCode} reçu.");
                break;
            case Outcome.Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{said} : 403 attendu, {(int)response.StatusCode} reçu.");
                break;
            case Outcome.RedirectToLogin:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{said} : 302 attendu, {(int)response.StatusCode} reçu.");
                var location = new Uri(client.BaseAddress!, response.Headers.Location!);
                Assert.Equal($"/compte/connexion?ReturnUrl={Uri.EscapeDataString(route)}", location.PathAndQuery);
                break;
        }
    }
}
