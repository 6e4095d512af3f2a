using System.Text.Json;

namespace Observatoire.IntegrationTests.Account;

public class MyDataTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_download_writes_status_and_category_as_it_always_did()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        var (actor, draft, validated) = await Portal.Seed(s =>
        {
            var structure = s.Structure();
            return (s.Actor("Léa Martin", ActorCategory.FieldProfessional),
                s.Observation("Brouillon de Léa", structure, status: ObservationStatus.Draft, observedOn: new(2026, 1, 5)),
                s.Observation("Atelier validé", structure, observedOn: new(2026, 1, 6)));
        });
        await Portal.Db(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ActorId, actor.Id));
            await db.Observations.Where(o => o.Id == draft.Id || o.Id == validated.Id)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.CreatedById, user.Id));
        });
        using var client = await Portal.SignIn(user.Email!);

        using var download = await client.GetAsync("/compte/mes-donnees?handler=Telecharger");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal("ProfessionnelTerrain", json.RootElement.GetProperty("acteur").GetProperty("categorie").GetString());
        Assert.Equal(["Brouillon", "Validee"],
            json.RootElement.GetProperty("observations").EnumerateArray().Select(o => o.GetProperty("statut").GetString()));
    }
}
