using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Observatoire.IntegrationTests.Security;

public class DatabaseUnavailableTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task While_the_database_is_unreachable_pages_answer_503_with_a_French_retry_page_not_500()
    {
        // The same portal, pointed at a port where no PostgreSQL listens (as during a restart).
        await using var cut = Portal.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Observatoire", $"Host=127.0.0.1;Port={TestPostgres.FreeTcpPort()};Username=postgres;Database=absente;Timeout=3");
            b.UseSetting("Observatoire:MigrateOnStartup", "false");
        });
        using var client = cut.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/compte/connexion" })
        {
            using var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path} : {(int)response.StatusCode} au lieu de 503");
            Assert.NotNull(response.Headers.RetryAfter);
            var page = await response.ReadHtml();
            Assert.Contains("Réessayez", page.QuerySelector("main")!.Text());
            Assert.NotNull(response.Headers.GetValues("Content-Security-Policy").SingleOrDefault());
        }
    }
}
