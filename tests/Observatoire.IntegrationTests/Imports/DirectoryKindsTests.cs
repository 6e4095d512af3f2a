using Observatoire.Web.Infrastructure;
using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Security;
using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Imports;

public class DirectoryKindsTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Communes_then_their_quartiers_are_imported_and_a_quartier_of_an_unknown_commune_is_refused()
    {
        var client = await Portal.SignedInAs(Roles.Coordination);
        var batch = await client.UploadOk("territoires", "t.csv", ImportClient.Csv(
            "Commune;Quartier", "Tours;", "Tours;Sanitas", "Joué-lès-Tours;", "Joué-lès-Tours;Centre", "Tours;Centre", "Fondettes;Centre"));

        Assert.Contains("refusée ligne 7 : commune « Fondettes » inconnue : ajoutez une ligne pour elle avant ses quartiers", await client.Lines(batch));
        using (await client.Commit(batch, skipRefused: true)) { }

        var quartiers = await Portal.Db(db => db.Territories.Where(t => t.ParentId != null).OrderBy(t => t.Slug)
            .Select(t => $"{t.Parent!.Name} › {t.Name} ({t.Slug}, {t.Kind})").ToListAsync());
        Assert.Equal(["Joué-lès-Tours › Centre (centre, Neighbourhood)", "Tours › Centre (centre-2, Neighbourhood)", "Tours › Sanitas (sanitas, Neighbourhood)"], quartiers);
        var again = await client.UploadOk("territoires", "t.csv", ImportClient.Csv("Commune;Quartier", "Tours;", "Tours;Sanitas", "Tours;Centre"));
        Assert.Equal("3 lignes : 0 créée, 0 modifiée, 3 inchangées, 0 refusée.", await client.Summary(again));
    }

    [Fact]
    public async Task Tools_take_their_category_licence_and_status_by_name_and_a_bad_website_is_refused_as_the_form_would()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var batch = await client.UploadOk("outils", "o.csv", ImportClient.Csv(
            "Nom;Catégorie;Licence;Statut;Site web",
            "Framadate;travail collaboratif;libre;En attente;https://framadate.org",
            "Padlet;Travail collaboratif;Propriétaire;;padlet.com"));

        var lines = await client.Lines(batch);
        Assert.Contains($"refusée ligne 3 : colonne « Site web » : {WebAddress.Message}", lines);
        using (await client.Commit(batch, skipRefused: true)) { }
        var tool = await Portal.Db(db => db.DigitalTools.Where(t => t.Name == "Framadate").Select(t => new { Category = t.Category!.Name, Licence = t.Licence!.Name, t.Status }).SingleAsync());
        Assert.Equal(("Travail collaboratif", "Libre", ToolStatus.Pending), (tool.Category, tool.Licence, tool.Status));
    }

    [Fact]
    public async Task People_are_imported_with_their_structures_and_roles_and_the_list_replaces_the_previous_one()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var batch = await client.UploadOk("personnes", "p.csv", ImportClient.Csv(
            "Nom;Fonction;Structures",
            "Léa Martin;Animatrice;\"Centre social Pluriel (animatrice numérique) ; Association Rabière Numérique (bénévole)\"",
            "Karim Benali;;Centre social Plurielle (directeur)"));

        Assert.Contains("refusée ligne 3 : structure « Centre social Plurielle » inconnue — vouliez-vous dire « Centre social Pluriel » ?", await client.Lines(batch));
        using (await client.Commit(batch, skipRefused: true)) { }
        var again = await client.UploadOk("personnes", "p.csv", ImportClient.Csv("Nom;Structures", "Léa Martin;Association Rabière Numérique (bénévole)"));
        Assert.Equal("1 ligne : 0 créée, 1 modifiée, 0 inchangée, 0 refusée.", await client.Summary(again));
        using (await client.Commit(again)) { }

        var memberships = await Portal.Db(db => db.StructureMemberships.Select(m => m.Actor.FullName + " › " + m.Structure.Name + " › " + m.Role).ToListAsync());
        Assert.Equal(["Léa Martin › Association Rabière Numérique › bénévole"], memberships);
    }

    [Fact]
    public async Task The_xlsx_template_imports_its_example_line()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        using var template = await client.GetAsync("/import/structures?handler=Template&format=xlsx");

        var batch = await client.UploadOk("structures", "modele.xlsx", await template.Content.ReadAsByteArrayAsync());

        // The example names the world's own structure, kind and quartier: it reads without a refusal.
        Assert.Equal("1 ligne : 0 créée, 1 modifiée, 0 inchangée, 0 refusée.", await client.Summary(batch));
    }

    [Fact]
    public async Task Hostile_text_in_every_imported_column_is_stored_as_typed_and_shown_escaped()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var failures = new List<string>();
        // A NUL makes the file binary: the reader refuses the whole file (below); every other payload goes in a structure's
        // name, address and description (the other columns check their format).
        var payloads = Enumerable.Range(0, HostileCorpus.Payloads.Length).Where(i => !HostileCorpus.Payloads[i].Contains('\0')).ToList();
        var n = payloads.Count;
        var lines = payloads.Select(i =>
        {
            var value = HostileCorpus.Value(i);
            var cell = "\"" + value.Replace("\"", "\"\"") + "\"";
            return $"{cell};Centre social;Sanitas;{cell};{cell}";
        });
        var batch = await client.UploadOk("structures", "hostile.csv", ImportClient.Csv(["Nom;Type;Territoire;Adresse;Description", .. lines]));

        var page = await client.GetHtml(batch);
        HostileCorpus.AssertHarmless(page, batch, failures);
        using var committed = await client.Commit(batch, skipRefused: true);
        Assert.NotEqual(HttpStatusCode.InternalServerError, committed.StatusCode);
        HostileCorpus.AssertHarmless(await client.GetHtml(batch), batch, failures);
        var stored = await Portal.Db(db => db.Structures.Where(s => s.Description != null).Select(s => new { s.Name, s.Address, s.Description }).ToListAsync());
        foreach (var s in stored)
        {
            if (s.Name.Trim() != s.Description!.Trim()) failures.Add($"« {s.Description} » enregistré sous le nom « {s.Name} »");
            if (s.Address != s.Description) failures.Add($"adresse « {s.Address} » au lieu de « {s.Description} »");
        }
        Assert.True(stored.Count > n / 2, $"{stored.Count} structures importées sur {n}.");
        var list = await client.GetHtml("/annuaire/structures");
        HostileCorpus.AssertHarmless(list, "/annuaire/structures", failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        using var binary = await client.Upload("structures", "nul.csv", ImportClient.Csv("Nom", "a\u0000b"));
        Assert.Equal(HttpStatusCode.OK, binary.StatusCode);
        Assert.Contains("enregistrez le tableau", (await binary.ReadHtml()).QuerySelector(".field-error")!.Text());
    }
}
