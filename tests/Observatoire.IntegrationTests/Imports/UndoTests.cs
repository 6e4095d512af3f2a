using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Imports;

/// <summary>« Annuler cet import » puts back the links an import replaced on records that existed before it.</summary>
public class UndoTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Undoing_an_import_that_updated_an_observation_gives_back_its_tools_themes_and_audiences()
    {
        var world = await ObservationWorld.Create(Portal);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
        var id = await world.Seed(Portal, s =>
        {
            s.Audience("Seniors");
            return s.Observation("Atelier CV", world.Ours, world.Sanitas, ObservationStatus.Validated, day, 9,
                [world.Nextcloud], [world.Emploi], [world.Jeunes], AppropriationLevel.RegularUse);
        });
        Task<string> Stored() => Portal.Db(async db => await db.Observations.AsNoTracking().Where(o => o.Title == "Atelier CV")
            .Select(o => $"{o.ParticipantsCount} | {string.Join(",", o.Tools.OrderBy(t => t.Name).Select(t => t.Name))} | " +
                $"{string.Join(",", o.Themes.OrderBy(t => t.Name).Select(t => t.Name))} | {string.Join(",", o.Audiences.OrderBy(a => a.Name).Select(a => a.Name))}")
            .SingleAsync());
        Assert.Equal("9 | Nextcloud | Emploi | Jeunes", await Stored());
        var client = await Portal.SignedInAs(Roles.Coordination);

        var batch = await client.UploadOk("observations", "maj.csv", ImportClient.Csv(
            "Titre;Date;Structure;Territoire;Outils;Thèmes;Publics;Participants;Niveau d'appropriation",
            $"Atelier CV;{day:yyyy-MM-dd};Centre social Pluriel;Sanitas;Jitsi Meet, Nextcloud;Éducation;Seniors;12;Usage régulier"));
        Assert.Equal("1 ligne : 0 créée, 1 modifiée, 0 inchangée, 0 refusée.", await client.Summary(batch));
        using (var committed = await client.Commit(batch)) committed.AssertRedirectTo(batch);
        Assert.Equal("12 | Jitsi Meet,Nextcloud | Éducation | Seniors", await Stored());

        using (var undo = await client.Undo(batch)) undo.AssertRedirectTo(batch);

        Assert.Equal("9 | Nextcloud | Emploi | Jeunes", await Stored());
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'annulation d'une mise à jour d'observation");
    }

    [Fact]
    public async Task Undoing_a_people_import_gives_back_the_memberships_of_people_who_existed()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s =>
        {
            var lea = s.Actor("Léa Martin");
            return s.Add(new StructureMembership { Actor = lea, Structure = world.Ours, Role = "animatrice" });
        });
        Task<List<string>> Memberships() => Portal.Db(db => db.StructureMemberships.OrderBy(m => m.Structure.Name).ThenBy(m => m.Actor.FullName)
            .Select(m => m.Actor.FullName + " › " + m.Structure.Name + " › " + m.Role).ToListAsync());
        var client = await Portal.SignedInAs(Roles.Coordination);

        var batch = await client.UploadOk("personnes", "p.csv", ImportClient.Csv("Nom;Structures",
            "Léa Martin;\"Centre social Pluriel (directrice) ; Association Rabière Numérique (bénévole)\"",
            "Karim Benali;Centre social Pluriel (animateur)"));
        using (await client.Commit(batch)) { }
        Assert.Equal(["Léa Martin › Association Rabière Numérique › bénévole", "Karim Benali › Centre social Pluriel › animateur",
            "Léa Martin › Centre social Pluriel › directrice"], await Memberships());

        using (var undo = await client.Undo(batch)) undo.AssertRedirectTo(batch);

        Assert.Equal(["Léa Martin › Centre social Pluriel › animatrice"], await Memberships());
        Assert.False(await Portal.Db(db => db.Actors.AnyAsync(a => a.FullName == "Karim Benali")));
    }
}
