using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Imports;

public class RoundTripTests(PortalFixture portal) : PortalTest(portal)
{
    private record Snapshot(List<string> Territories, List<string> Tools, List<string> Structures, List<string> People);

    private Task<Snapshot> SnapshotAsync() => Portal.Db(async db => new Snapshot(
        (await db.Territories.Select(t => new { t.Name, t.Slug, Parent = t.Parent!.Name, t.Kind, t.Description }).ToListAsync())
            .Select(t => $"{t.Name}|{t.Slug}|{t.Parent}|{t.Kind}|{t.Description}").Order().ToList(),
        (await db.DigitalTools.Select(t => new { t.Name, t.Slug, Category = t.Category!.Name, Licence = t.Licence!.Name, t.Status, t.Website }).ToListAsync())
            .Select(t => $"{t.Name}|{t.Slug}|{t.Category}|{t.Licence}|{t.Status}|{t.Website}").Order().ToList(),
        (await db.Structures.Select(s => new { s.Name, s.Slug, Kind = s.Kind!.Name, Territory = s.Territory!.Slug, s.Email, s.Description }).ToListAsync())
            .Select(s => $"{s.Name}|{s.Slug}|{s.Kind}|{s.Territory}|{s.Email}|{s.Description}").Order().ToList(),
        (await db.Actors.Select(a => new { a.FullName, a.Slug, a.Category, a.JobTitle, a.Email, a.Phone, Memberships = a.Memberships.Select(m => m.Structure.Slug + ":" + m.Role).ToList() }).ToListAsync())
            .Select(a => $"{a.FullName}|{a.Slug}|{a.Category}|{a.JobTitle}|{a.Email}|{a.Phone}|{string.Join(",", a.Memberships.Order())}").Order().ToList()));

    [Fact]
    public async Task The_directory_exported_from_one_instance_and_imported_into_an_empty_one_gives_the_same_records()
    {
        var world = await ObservationWorld.Create(Portal);
        await world.Seed(Portal, s =>
        {
            s.Quartier("Centre", world.Tours).Description = "Hypercentre";
            s.Quartier("Centre", world.Rabiere.Parent);
            var mpt = s.Structure("Maison pour tous", world.Rabiere, "Association");
            mpt.Email = "mpt@exemple.fr";
            var lea = s.Actor("Léa Martin");
            (lea.JobTitle, lea.Email, lea.Phone) = ("Animatrice", "lea@exemple.fr", "02 47 00 00 00");
            lea.Memberships.Add(new StructureMembership { Structure = mpt, Role = "Animatrice numérique" });
            lea.Memberships.Add(new StructureMembership { Structure = world.Ours, Role = "Bénévole (le samedi)" });
            s.Actor("Karim Benali", ActorCategory.Institutional);
            return 0;
        });
        var anonymous = Portal.CreateClient();
        using var people = await anonymous.GetAsync("/annuaire/export/personnes");
        Assert.Equal(HttpStatusCode.Redirect, people.StatusCode);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        var files = new Dictionary<string, byte[]>();
        foreach (var kind in new[] { "territoires", "outils", "structures", "personnes" })
        {
            using var export = await (kind == "personnes" ? member : anonymous).GetAsync($"/annuaire/export/{kind}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            files[kind] = await export.Content.ReadAsByteArrayAsync();
        }
        var before = await SnapshotAsync();

        await Portal.ResetAsync();
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        foreach (var (kind, content) in files)
        {
            var batch = await admin.UploadOk(kind, $"{kind}.csv", content);
            var missing = (await admin.GetHtml(batch)).QuerySelectorAll("input[name=Create]").Select(i => new KeyValuePair<string, string>("Create", i.GetAttribute("value")!)).ToList();
            if (missing.Count > 0) using (await admin.PostForm(batch, missing, "form[action*='handler=Values']")) { }
            Assert.Contains(" 0 refusée.", await admin.Summary(batch));
            using var committed = await admin.Commit(batch);
            committed.AssertRedirectTo(batch);
        }

        Assert.Equal(before, await SnapshotAsync(), new SnapshotComparer());
    }

    private sealed class SnapshotComparer : IEqualityComparer<Snapshot>
    {
        public bool Equals(Snapshot? x, Snapshot? y)
        {
            Assert.Equal(x!.Territories, y!.Territories);
            Assert.Equal(x.Tools, y.Tools);
            Assert.Equal(x.Structures, y.Structures);
            Assert.Equal(x.People, y.People);
            return true;
        }

        public int GetHashCode(Snapshot obj) => 0;
    }
}
