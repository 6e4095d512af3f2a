using System.Text;
using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Security;
using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Imports;

public class ObservationImportTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Header = "Numéro;Titre;Date;Statut;Structure;Territoire;Outils;Thèmes;Publics;Participants;Niveau d'appropriation;Description";

    private static string Day(int daysAgo) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo).ToString("dd/MM/yyyy");

    [Fact]
    public async Task Lines_are_checked_by_the_form_rules_refused_with_the_closest_name_then_imported_and_reimported_unchanged()
    {
        var world = await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var file = ImportClient.Csv(Header,
            $"A1;Atelier CV;{Day(30)};Validée;Centre social Pluriel;Sanitas;Nextcloud, Jitsi Meet;Emploi;Jeunes;8;2;Huit personnes.",
            $"A2;Permanence;{Day(20)};Soumise;centre social pluriel;Tours › Sanitas;\"Nextcloud ; Pixx\";emploi;;12;Usage régulier;",
            $"A3;Café numérique;{Day(10)};Validée;Centre social Pluriel;Sanitass;Nextcloud;Emploi;;5;1;",
            $"A4;Atelier;{Day(10)};Validée;Centre social Pluriel;Sanitas;Nextcloud;Emploie;;5;1;",
            $"A5;Atelier;{Day(9)};Validée;Centre social Pluriel;Sanitas;Nextcloud;Emploi;;0;1;",
            $"A6;Atelier;{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3):yyyy-MM-dd};Validée;Centre social Pluriel;Sanitas;Nextcloud;Emploi;;4;9;",
            $"A1;Atelier CV bis;{Day(30)};Validée;Centre social Pluriel;Sanitas;Nextcloud;Emploi;;8;2;");

        var batch = await client.UploadOk("observations", "observations.csv", file);

        var lines = await client.Lines(batch);
        Assert.True("7 lignes : 2 créées, 0 modifiée, 0 inchangée, 5 refusées." == await client.Summary(batch), string.Join("\n", lines));
        Assert.Contains("refusée ligne 4 : territoire « Sanitass » inconnu — vouliez-vous dire « Sanitas » ?", lines);
        Assert.Contains("refusée ligne 5 : thème « Emploie » inconnu — vouliez-vous dire « Emploi » ?", lines);
        Assert.Contains("refusée ligne 6 : le nombre de participants est compris entre 1 et 10 000", lines);
        Assert.Contains(lines, l => l.StartsWith("refusée ligne 7 : niveau d'appropriation « 9 » inconnu", StringComparison.Ordinal));
        Assert.Contains("refusée ligne 8 : même numéro « A1 » que la ligne 2", lines);
        Assert.Contains("créée ligne 3 : observation « Permanence » créée ; outil à vérifier par la coordination : « Pixx »", lines);

        using (var refused = await client.Commit(batch)) Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await Portal.Db(db => db.Observations.AnyAsync()), "A refused line stops the whole import.");
        using (var committed = await client.Commit(batch, skipRefused: true)) committed.AssertRedirectTo(batch);

        var stored = await Portal.Db(db => db.Observations.AsNoTracking().Include(o => o.Tools).Include(o => o.Themes).Include(o => o.Audiences)
            .OrderBy(o => o.ObservedOn).ToListAsync());
        Assert.Equal(["Atelier CV", "Permanence"], stored.Select(o => o.Title));
        var cv = stored[0];
        Assert.Equal((ObservationStatus.Validated, world.Ours.Id, world.Sanitas.Id, 8, AppropriationLevel.GettingStarted, "Huit personnes."),
            (cv.Status, cv.StructureId, cv.TerritoryId, cv.ParticipantsCount, cv.AppropriationLevel, cv.Description));
        Assert.Equal(["Jitsi Meet", "Nextcloud"], cv.Tools.Select(t => t.Name).Order());
        Assert.Equal(["Emploi"], cv.Themes.Select(t => t.Name));
        Assert.Equal(["Jeunes"], cv.Audiences.Select(a => a.Name));
        Assert.Equal((ObservationStatus.Submitted, AppropriationLevel.RegularUse), (stored[1].Status, stored[1].AppropriationLevel));
        var pixx = await Portal.Db(db => db.DigitalTools.SingleAsync(t => t.Name == "Pixx"));
        Assert.Equal(ToolStatus.Pending, pixx.Status);
        Assert.Contains(pixx.Id, stored[1].Tools.Select(t => t.Id));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'import d'observations");
        Assert.Equal(1, await Portal.Db(db => db.AnalysisFacts.CountAsync()));

        var again = await client.UploadOk("observations", "observations.csv", file);
        Assert.Equal("7 lignes : 0 créée, 0 modifiée, 2 inchangées, 5 refusées.", await client.Summary(again));
    }

    [Fact]
    public async Task Without_a_number_the_same_file_changes_nothing_an_edited_line_updates_and_undo_removes_what_was_created()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        string File(string participants) => string.Join("\r\n",
            "Titre;Date;Statut;Structure;Territoire;Outils;Thèmes;Participants;Niveau d'appropriation",
            $"Atelier CV;{Day(30)};Validée;Centre social Pluriel;Sanitas;Nextcloud;Emploi;{participants};Prise en main",
            $"Café numérique;{Day(12)};Validée;Association Rabière Numérique;Rabière (Joué-lès-Tours);Jitsi Meet;Éducation;4;4") + "\r\n";

        var undone = await client.UploadOk("observations", "sans-numero.csv", Encoding.UTF8.GetBytes(File("8")));
        using (await client.Commit(undone)) { }
        Assert.Equal(2, await Portal.Db(db => db.AnalysisFacts.CountAsync()));
        using (var undo = await client.Undo(undone)) undo.AssertRedirectTo(undone);
        Assert.False(await Portal.Db(db => db.Observations.AnyAsync()));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'annulation de l'import");

        var first = await client.UploadOk("observations", "sans-numero.csv", Encoding.UTF8.GetBytes(File("8")));
        using (await client.Commit(first)) { }
        Assert.Equal(2, await Portal.Db(db => db.Observations.CountAsync(o => o.Status == ObservationStatus.Validated)));

        var same = await client.UploadOk("observations", "sans-numero.csv", Encoding.UTF8.GetBytes(File("8")));
        Assert.Equal("2 lignes : 0 créée, 0 modifiée, 2 inchangées, 0 refusée.", await client.Summary(same));

        var edited = await client.UploadOk("observations", "sans-numero.csv", Encoding.UTF8.GetBytes(File("11")));
        Assert.Contains("modifiée ligne 2 : observation « Atelier CV » modifiée : participants", await client.Lines(edited));
        using (await client.Commit(edited)) { }
        Assert.Equal(11, await Portal.Db(db => db.Observations.Where(o => o.Title == "Atelier CV").Select(o => o.ParticipantsCount).SingleAsync()));
        Assert.Equal(2, await Portal.Db(db => db.Observations.CountAsync()));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après la mise à jour par un import");

        using (var refused = await client.Undo(first)) refused.AssertRedirectTo(first);
        Assert.Contains("« Atelier CV » a été modifié depuis l'import", (await client.GetHtml(first)).QuerySelector("[role=alert]")?.Text() ?? "");
        using (var undoEdit = await client.Undo(edited)) undoEdit.AssertRedirectTo(edited);
        Assert.Equal(8, await Portal.Db(db => db.Observations.Where(o => o.Title == "Atelier CV").Select(o => o.ParticipantsCount).SingleAsync()));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'annulation de la mise à jour");
    }

    [Fact]
    public async Task Only_Coordination_and_administrators_import_observations()
    {
        await ObservationWorld.Create(Portal);
        foreach (var role in new[] { Roles.Contributeur, Roles.Partenaire })
        {
            var client = await Portal.SignedInAs(role);
            using var page = await client.GetAsync("/import/observations");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        var batch = await admin.UploadOk("observations", "o.csv", ImportClient.Csv(Header,
            $"1;Atelier;{Day(3)};Validée;Centre social Pluriel;Sanitas;Nextcloud;Emploi;;8;2;"));
        Assert.Equal("1 ligne : 1 créée, 0 modifiée, 0 inchangée, 0 refusée.", await admin.Summary(batch));
    }

    [Fact]
    public async Task Hostile_text_in_every_text_column_is_stored_as_typed_and_shown_escaped()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        // C0 control characters (payload 27) make the reader refuse a CSV as binary (Spreadsheets tests): the other payloads go through.
        var payloads = Enumerable.Range(0, HostileCorpus.Payloads.Length)
            .Where(n => !HostileCorpus.Payloads[n].Any(c => char.IsControl(c) && c is not '\t')).ToList();
        var rows = payloads.Select(n => new[]
        {
            $"H{n}", HostileCorpus.Value(n), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-n - 1).ToString("yyyy-MM-dd"), "Validée",
            "Centre social Pluriel", "Sanitas", "Nextcloud", "Emploi", "", "3", "1", HostileCorpus.Value(n), HostileCorpus.Value(n), HostileCorpus.Value(n),
        });
        var file = Observatoire.Web.Infrastructure.Csv.Write(
            ["Numéro", "Titre", "Date", "Statut", "Structure", "Territoire", "Outils", "Thèmes", "Publics", "Participants",
             "Niveau d'appropriation", "Description", "Ce qui a bien fonctionné", "Difficultés"], rows);

        var batch = await client.UploadOk("observations", "hostile.csv", file);
        var summary = await client.Summary(batch);
        Assert.Contains($"{payloads.Count} créées", summary);
        var failures = new List<string>();
        HostileCorpus.AssertHarmless(await client.GetHtml(batch), batch, failures);
        using (var committed = await client.Commit(batch)) committed.AssertRedirectTo(batch);

        var stored = await Portal.Db(db => db.Observations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.Description, o.WhatWorked, o.Difficulties }).ToListAsync());
        Assert.Equal(payloads.Count, stored.Count);
        foreach (var (o, n) in stored.Select((o, i) => (o, payloads[i])))
        {
            // Cells are trimmed and NUL dropped (PostgreSQL cannot store it, the forms drop it too); nothing else changes.
            var expected = HostileCorpus.Value(n).Replace("\0", "").Trim();
            foreach (var (column, value) in new[] { ("Titre", o.Title), ("Description", o.Description), ("Ce qui a bien fonctionné", o.WhatWorked), ("Difficultés", o.Difficulties) })
                if (value != expected) failures.Add($"{column} n° {n} : « {value} » au lieu de « {expected} »");
            var page = await client.GetHtml($"/observations/{o.Id}");
            HostileCorpus.AssertHarmless(page, $"/observations/{o.Id}", failures);
            if (!page.Body!.TextContent.Contains(HostileCorpus.Marker(n), StringComparison.Ordinal)) failures.Add($"marqueur {HostileCorpus.Marker(n)} absent de la fiche");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task The_observations_export_imported_into_an_instance_without_observations_gives_the_same_observations(string format)
    {
        var world = await ObservationWorld.Create(Portal);
        var observer = await world.Seed(Portal, s =>
        {
            var actor = s.Actor("Awa Diallo");
            s.Observation("Atelier CV", world.Ours, world.Sanitas, ObservationStatus.Validated, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40), 9,
                [world.Nextcloud, world.Jitsi], [world.Emploi, world.Education], [world.Jeunes], AppropriationLevel.RegularUse, "Séance « longue », 2 h.")
                .Observer = actor;
            var o = s.Observation("Permanence ; démarches", world.Theirs, world.Rabiere, ObservationStatus.Submitted, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5), 3,
                [world.Jitsi], [world.Education], [], AppropriationLevel.Discovery, "Ligne 1\nLigne 2");
            o.WhatWorked = "Le binôme.";
            o.Difficulties = "=SOMME(A1:A2)";
            return actor;
        });
        string Snapshot(List<Observation> all) => string.Join("\n", all.OrderBy(o => o.Title).Select(o => string.Join(" | ",
            o.Title, o.ObservedOn, o.Status, o.StructureId, o.TerritoryId, string.Join(",", o.Tools.Select(t => t.Id).Order()),
            string.Join(",", o.Themes.Select(t => t.Id).Order()), string.Join(",", o.Audiences.Select(a => a.Id).Order()),
            o.AppropriationLevel, o.ParticipantsCount, o.Description, o.WhatWorked, o.Difficulties, o.ObserverId)));
        Task<List<Observation>> All() => Portal.Db(db => db.Observations.AsNoTracking().Include(o => o.Tools).Include(o => o.Themes)
            .Include(o => o.Audiences).ToListAsync());
        var before = Snapshot(await All());
        var client = await Portal.SignedInAs(Roles.Coordination);
        using var export = await client.GetAsync($"/observations/export.{format}");
        var file = await export.Content.ReadAsByteArrayAsync();

        // The directory stays, the observations go: the instance the file is brought into.
        await Portal.Db(db => db.Observations.ExecuteDeleteAsync());
        var batch = await client.UploadOk("observations", $"observations.{format}", file);
        Assert.Equal("2 lignes : 2 créées, 0 modifiée, 0 inchangée, 0 refusée.", await client.Summary(batch));
        using (await client.Commit(batch)) { }

        Assert.Equal(before, Snapshot(await All()));
        Assert.Equal(observer.Id, (await All()).Single(o => o.Title == "Atelier CV").ObserverId);
        var again = await client.UploadOk("observations", $"observations.{format}", file);
        Assert.Equal("2 lignes : 0 créée, 0 modifiée, 2 inchangées, 0 refusée.", await client.Summary(again));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'aller-retour de l'export");
    }
}
