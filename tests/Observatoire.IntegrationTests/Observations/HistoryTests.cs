namespace Observatoire.IntegrationTests.Observations;

public class HistoryTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_history_shows_the_Paris_hour_and_the_page_names_the_observation()
    {
        var observation = await Portal.Seed(s => s.Observation("Atelier CV en ligne"));
        await Portal.Db(db =>
        {
            // 10 h 18 UTC on 1 July is 12 h 18 in Paris (summer time); the server and this machine run in UTC.
            db.ObservationChanges.Add(new ObservationChange
            {
                ObservationId = observation.Id, At = new DateTime(2026, 7, 1, 10, 18, 0, DateTimeKind.Utc), UserName = "Léa Martin",
                Kind = ObservationChangeKind.Validated,
            });
            return db.SaveChangesAsync();
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var history = await coordination.GetHtml($"/observations/{observation.Id}/historique");

        Assert.Contains("1er juillet 2026 à 12 h 18", history.QuerySelector("main ol.history h2")!.Text());
        Assert.Equal("Historique — Atelier CV en ligne — Observatoire", history.Title);
    }
}
