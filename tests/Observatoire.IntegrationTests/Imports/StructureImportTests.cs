using System.Security.Cryptography;
using System.Text;
using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Imports;

public class StructureImportTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly byte[] TwoStructures = ImportClient.Csv(
        "Nom;Type;Territoire;Site web;Courriel",
        "Maison pour tous;centre SOCIAL;Sanitas;https://mpt.exemple.fr;contact@mpt.exemple.fr",
        "Petits Débrouillards;Association;Rabière (Joué-lès-Tours);;");

    [Fact]
    public async Task A_file_is_checked_line_by_line_then_imported_at_once_then_reimported_unchanged()
    {
        var world = await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);

        var batch = await client.UploadOk("structures", "structures.csv", TwoStructures);

        Assert.Equal("2 lignes : 2 créées, 0 modifiée, 0 inchangée, 0 refusée.", await client.Summary(batch));
        Assert.Contains("créée ligne 2 : la structure « Maison pour tous » sera créée", await client.Lines(batch));
        var preview = (await client.GetHtml(batch)).QuerySelector("#apercu + p + .table-wrap tbody tr")!.Text();
        Assert.Contains("Centre social", preview);
        Assert.False(await Portal.Db(db => db.Structures.AnyAsync(s => s.Name == "Maison pour tous")), "A dry run writes nothing.");

        using var committed = await client.Commit(batch);
        committed.AssertRedirectTo(batch);
        var mpt = await Portal.Db(db => db.Structures.Include(s => s.Kind).SingleAsync(s => s.Name == "Maison pour tous"));
        Assert.Equal(("Centre social", world.Sanitas.Id, "https://mpt.exemple.fr", "contact@mpt.exemple.fr", "maison-pour-tous"),
            (mpt.Kind!.Name, mpt.TerritoryId, mpt.Website, mpt.Email, mpt.Slug));
        Assert.Equal(world.Rabiere.Id, await Portal.Db(db => db.Structures.Where(s => s.Name == "Petits Débrouillards").Select(s => s.TerritoryId).SingleAsync()));
        var audit = await Portal.Db(db => db.AuditEntries.SingleAsync(a => a.Action == "Import"));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(TwoStructures)), audit.Details);
        Assert.Contains("2 créées", audit.Details);
        Assert.Null(await Portal.Db(db => db.ImportBatches.Select(b => b.Content).SingleAsync()));

        using var report = await client.GetAsync(batch + "?handler=Report");
        var csv = await report.Content.ReadAsStringAsync();
        Assert.Contains("Ligne;Résultat;Message", csv);
        Assert.Contains("3;créée;la structure « Petits Débrouillards » sera créée", csv);

        var again = await client.UploadOk("structures", "structures.csv", TwoStructures);
        Assert.Equal("2 lignes : 0 créée, 0 modifiée, 2 inchangées, 0 refusée.", await client.Summary(again));
        using var _ = await client.Commit(again);
        Assert.Equal(4, await Portal.Db(db => db.Structures.CountAsync()));
    }

    [Fact]
    public async Task Refused_lines_say_why_and_stop_the_whole_import_unless_the_user_skips_them()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var file = ImportClient.Csv(
            "Nom de la structure;Type;Quartier",
            "Maison pour tous;Centre social;Sanitass",
            ";Association;Sanitas",
            "Petits Débrouillards;Association;Sanitas",
            "petits debrouillards;Association;Sanitas");

        var batch = await client.UploadOk("structures", "structures.csv", file);

        var lines = await client.Lines(batch);
        Assert.Contains("refusée ligne 2 : territoire « Sanitass » inconnu — vouliez-vous dire « Sanitas » ?", lines);
        Assert.Contains("refusée ligne 3 : colonne « Nom » : Indiquez le nom de la structure.", lines);
        Assert.Contains("refusée ligne 5 : même structure que la ligne 4", lines);
        using var refused = await client.Commit(batch);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("3 lignes sont refusées", (await refused.ReadHtml()).QuerySelector("[role=alert]")!.Text());
        Assert.Equal(2, await Portal.Db(db => db.Structures.CountAsync()));

        using var skipped = await client.Commit(batch, skipRefused: true);
        skipped.AssertRedirectTo(batch);
        Assert.Equal(["Association Rabière Numérique", "Centre social Pluriel", "Petits Débrouillards"],
            await Portal.Db(db => db.Structures.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync()));
    }

    [Fact]
    public async Task An_identifier_column_updates_the_record_a_previous_file_created()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var first = await client.UploadOk("structures", "a.csv", ImportClient.Csv("Identifiant;Nom;Type", "S-1;MPT;Centre social"));
        using (await client.Commit(first)) { }

        var second = await client.UploadOk("structures", "b.csv", ImportClient.Csv("Identifiant;Nom;Type", "S-1;Maison pour tous;Centre social"));

        Assert.Equal("1 ligne : 0 créée, 1 modifiée, 0 inchangée, 0 refusée.", await client.Summary(second));
        using (await client.Commit(second)) { }
        Assert.Equal(["Maison pour tous"], await Portal.Db(db => db.Structures.Where(s => s.Kind!.Name == "Centre social" && s.Name != "Centre social Pluriel").Select(s => s.Name).ToListAsync()));
    }

    [Fact]
    public async Task Undo_deletes_what_the_import_created_restores_what_it_changed_and_is_refused_once_a_record_was_edited()
    {
        var world = await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var file = ImportClient.Csv("Nom;Type;Description", "Centre social Pluriel;Centre social;Nouvelle description", "Maison pour tous;Centre social;");
        var batch = await client.UploadOk("structures", "s.csv", file);
        using (await client.Commit(batch)) { }
        Assert.Equal("Nouvelle description", await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id).Select(s => s.Description).SingleAsync()));

        using var undone = await client.Undo(batch);

        undone.AssertRedirectTo(batch);
        Assert.Null(await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id).Select(s => s.Description).SingleAsync()));
        Assert.False(await Portal.Db(db => db.Structures.AnyAsync(s => s.Name == "Maison pour tous")));
        Assert.True(await Portal.Db(db => db.AuditEntries.AnyAsync(a => a.Action == "ImportUndone")));

        var second = await client.UploadOk("structures", "s.csv", file);
        using (await client.Commit(second)) { }
        using (await client.PostMainForm("/annuaire/structures/maison-pour-tous/modifier", new Dictionary<string, string>
               {
                   ["Input.Name"] = "Maison pour tous", ["Input.KindId"] = world.Ours.KindId.ToString()!, ["Input.Description"] = "Retouchée à la main",
               })) { }
        using var refused = await client.Undo(second);
        refused.AssertRedirectTo(second);
        var message = (await client.GetHtml(second)).QuerySelector("[role=alert]")!.Text();
        Assert.Contains("« Maison pour tous » a été modifié depuis l'import", message);
        Assert.True(await Portal.Db(db => db.Structures.AnyAsync(s => s.Name == "Maison pour tous")));
        Assert.Equal("Nouvelle description", await Portal.Db(db => db.Structures.Where(s => s.Id == world.Ours.Id).Select(s => s.Description).SingleAsync()));
    }

    [Fact]
    public async Task A_column_mapped_by_hand_is_remembered_for_the_next_file()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var file = ImportClient.Csv("Dénomination;Type", "Maison pour tous;Centre social");
        var batch = await client.UploadOk("structures", "s.csv", file);
        Assert.Contains("« Nom »", (await client.GetHtml(batch)).QuerySelector("[role=alert]")!.Text());

        using (await client.PostForm(batch, new Dictionary<string, string> { ["Columns[0]"] = "nom", ["Columns[1]"] = "type" }, "form[action*='handler=Columns']")) { }

        Assert.Equal("1 ligne : 1 créée, 0 modifiée, 0 inchangée, 0 refusée.", await client.Summary(batch));
        var next = await client.UploadOk("structures", "s.csv", file);
        Assert.Equal("1 ligne : 1 créée, 0 modifiée, 0 inchangée, 0 refusée.", await client.Summary(next));
    }

    [Fact]
    public async Task An_administrator_may_create_the_missing_kinds_with_the_import_and_coordination_is_not_offered_to()
    {
        await ObservationWorld.Create(Portal);
        var file = ImportClient.Csv("Nom;Type", "Fablab des Halles;Tiers-lieu");
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var theirs = await coordination.UploadOk("structures", "s.csv", file);
        Assert.Null((await coordination.GetHtml(theirs)).QuerySelector("form[action*='handler=Values']"));

        var admin = await Portal.SignedInAs(Roles.Administrateur);
        var batch = await admin.UploadOk("structures", "s.csv", file);
        Assert.Contains("refusée ligne 2 : type « Tiers-lieu » inconnu", await admin.Lines(batch));
        using (await admin.PostForm(batch, new Dictionary<string, string> { ["Create"] = "Type de structure|Tiers-lieu" }, "form[action*='handler=Values']")) { }
        Assert.Equal("1 ligne : 1 créée, 0 modifiée, 0 inchangée, 0 refusée.", await admin.Summary(batch));
        using (await admin.Commit(batch)) { }

        Assert.Equal("Tiers-lieu", await Portal.Db(db => db.Structures.Where(s => s.Name == "Fablab des Halles").Select(s => s.Kind!.Name).SingleAsync()));
    }

    [Fact]
    public async Task Contributors_and_partners_cannot_import_and_nobody_sees_another_persons_import()
    {
        await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var batch = await coordination.UploadOk("structures", "s.csv", TwoStructures);

        foreach (var role in new[] { Roles.Contributeur, Roles.Partenaire })
        {
            var client = await Portal.SignedInAs(role);
            foreach (var url in new[] { "/import", "/import/structures", batch })
            {
                using var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
        var colleague = await Portal.SignIn((await Portal.CreateUser(Roles.Coordination)).Email!);
        using var other = await colleague.GetAsync(batch);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var notFound = await coordination.GetAsync("/import/inconnu");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task A_file_of_another_type_is_refused_with_a_message_that_says_what_to_do()
    {
        var client = await Portal.SignedInAs(Roles.Coordination);

        using var response = await client.Upload("structures", "structures.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await response.ReadHtml()).QuerySelector(".field-error")!.Text();
        Assert.Contains("xlsx", error);
        Assert.False(await Portal.Db(db => db.ImportBatches.AnyAsync()));
    }

    /// <summary>
    /// A cell holding a character the forms refuse (NUL, a control character, a bidi override, a non-character) refuses
    /// its line in the dry run, saying the column and the position, as the forms say it next to the field: the character
    /// is never taken out silently (a NUL in an xlsx or JSON cell used to be dropped), nor stored.
    /// </summary>
    [Fact]
    public async Task A_cell_with_a_character_the_forms_refuse_refuses_its_line_with_the_column_and_the_position()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var json = Encoding.UTF8.GetBytes("""
            [{"Nom": "Maison\u0000pour tous", "Type": "Association"},
             {"Nom": "Espace\u0085numérique", "Type": "Association"},
             {"Nom": "Atelier\u202Egpj.exe", "Type": "Association"},
             {"Nom": "Outil \ufffe fin", "Type": "Association"},
             {"Nom": "Petits Débrouillards", "Type": "Asso\u0007ciation"},
             {"Nom": "La Ruche", "Type": "Association"}]
            """);

        var batch = await client.UploadOk("structures", "structures.json", json);
        var csv = await client.UploadOk("structures", "structures.csv", ImportClient.Csv("Nom;Type", "Centre\u0085social;Association", "Cyber\u2066base\u2069;Association"));

        var lines = await client.Lines(batch);
        Assert.Equal("6 lignes : 1 créée, 0 modifiée, 0 inchangée, 5 refusées.", await client.Summary(batch));
        Assert.Contains(lines, l => l.StartsWith("refusée ligne 2 : colonne « Nom » : Le texte contient un caractère de contrôle invisible (U+0000, position 7)"));
        Assert.Contains(lines, l => l.StartsWith("refusée ligne 3 : colonne « Nom » : Le texte contient un caractère de contrôle invisible (U+0085, position 7)"));
        Assert.Contains(lines, l => l.StartsWith("refusée ligne 4 : colonne « Nom » : Le texte contient un caractère invisible qui change le sens de lecture (U+202E, position 8)"));
        Assert.Contains(lines, l => l.StartsWith("refusée ligne 5 : colonne « Nom » : Le texte contient un caractère qui n'est pas du texte (U+FFFE, position 7)"));
        Assert.Contains(lines, l => l.StartsWith("refusée ligne 6 : colonne « Type » : Le texte contient un caractère de contrôle invisible (U+0007, position 5)"));
        var csvLines = await client.Lines(csv);
        Assert.Contains(csvLines, l => l.StartsWith("refusée ligne 2 : colonne « Nom » : Le texte contient un caractère de contrôle invisible (U+0085, position 7)"));
        Assert.Contains(csvLines, l => l.StartsWith("refusée ligne 3 : colonne « Nom » : Le texte contient un caractère invisible qui change le sens de lecture (U+2066, position 6)"));

        using var skipped = await client.Commit(batch, skipRefused: true);
        skipped.AssertRedirectTo(batch);
        Assert.Equal(["La Ruche"], await Portal.Db(db => db.Structures.Where(s => s.Name != "Association Rabière Numérique" && s.Name != "Centre social Pluriel")
            .Select(s => s.Name).ToListAsync()));
    }
}
