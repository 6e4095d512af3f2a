using System.Security.Cryptography;
using Npgsql;
using Observatoire.IntegrationTests.Observations;
using Observatoire.IntegrationTests.Wiki;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Imports;

namespace Observatoire.IntegrationTests.Imports;

/// <summary>
/// A file longer than one batch is written in bulk (binary COPY, the rollups brought up to date once, set-wise): it must
/// give exactly the rows, rollups and undo of the same lines imported through EF Core in smaller files.
/// </summary>
public class ObservationBulkImportTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Header = "Numéro;Titre;Date;Statut;Structure;Territoire;Outils;Thèmes;Publics;Participants;Niveau d'appropriation;" +
        "Description;Ce qui a bien fonctionné;Difficultés";

    /// <summary>Line <paramref name="i"/>: every status, both structures, one or two themes, with or without audiences and texts, a new tool.</summary>
    private static string Line(int i)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1 - i % 700).ToString("yyyy-MM-dd");
        var status = (i % 10) switch { < 7 => "Validée", < 9 => "Soumise", _ => "Brouillon" };
        var (structure, territory) = i % 2 == 0 ? ("Centre social Pluriel", "Sanitas") : ("Association Rabière Numérique", "Rabière (Joué-lès-Tours)");
        var tools = (i % 3) switch { 0 => "Nextcloud", 1 => "Nextcloud, Jitsi Meet", _ => "Jitsi Meet, Outil neuf" };
        var themes = i % 2 == 0 ? "Emploi" : "Emploi, Éducation";
        var audiences = i % 4 == 0 ? "" : "Jeunes";
        var description = i % 5 == 0 ? "" : $"Séance n° {i}, « longue ».";
        var worked = i % 3 == 0 ? "" : "Le binôme.";
        var difficulties = i % 7 == 0 ? "Connexion lente." : "";
        return $"N{i};Atelier {i:0000};{day};{status};{structure};{territory};{tools};{themes};{audiences};{1 + i % 30};{1 + i % 4};" +
            $"{description};{worked};{difficulties}";
    }

    [Fact]
    public async Task A_file_longer_than_one_batch_gives_the_rows_rollups_and_undo_of_the_same_lines_imported_in_small_files()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var count = ObservationSession.BulkFrom + 7;
        var lines = Enumerable.Range(1, count).Select(Line).ToArray();
        var file = ImportClient.Csv([Header, .. lines]);

        var bulk = await client.UploadOk("observations", "gros.csv", file);
        Assert.EndsWith(" 0 modifiée, 0 inchangée, 0 refusée.", await client.Summary(bulk));
        using (var committed = await client.Commit(bulk)) committed.AssertRedirectTo(bulk);
        Assert.Equal(count, await Portal.Db(db => db.Observations.CountAsync()));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après un import en bloc");
        var copied = await Rows();
        var sha = Convert.ToHexString(SHA256.HashData(file));
        Assert.Contains(await Portal.Db(db => db.AuditEntries.Where(a => a.Action == AuditActions.Import).Select(a => a.Details).ToListAsync()),
            d => d!.Contains(sha, StringComparison.OrdinalIgnoreCase) && d.Contains("créées", StringComparison.Ordinal));

        using (var undo = await client.Undo(bulk)) undo.AssertRedirectTo(bulk);
        Assert.Null((await client.GetHtml(bulk)).QuerySelector("[role=alert]"));
        Assert.False(await Portal.Db(db => db.Observations.AnyAsync()), "L'annulation d'un import en bloc supprime ce qu'il a créé.");
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après l'annulation d'un import en bloc");

        // The same lines in two files shorter than a batch: written through EF Core, as before bulk writing existed.
        var half = count / 2;
        foreach (var (part, name) in new[] { (lines[..half], "debut.csv"), (lines[half..], "fin.csv") })
        {
            var small = await client.UploadOk("observations", name, ImportClient.Csv([Header, .. part]));
            using var committed = await client.Commit(small);
            committed.AssertRedirectTo(small);
        }
        var throughTheContext = await Rows();
        Assert.Equal(count, throughTheContext.Count);
        var differences = copied.Zip(throughTheContext).Where(p => p.First != p.Second).Take(3)
            .Select(p => $"en bloc : {p.First}\npar EF Core : {p.Second}").ToList();
        Assert.True(differences.Count == 0, string.Join("\n\n", differences));
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après les imports en petits fichiers");
    }

    /// <summary>
    /// A session reads only the stored observations a run of lines can match (ObservationSession.PrepareAsync): every line
    /// of a file longer than two runs must still find its observation, by « Numéro » and, without it, by natural key.
    /// </summary>
    [Fact]
    public async Task A_file_longer_than_two_runs_of_lines_finds_every_stored_observation_again_by_number_and_by_natural_key()
    {
        await ObservationWorld.Create(Portal);
        var client = await Portal.SignedInAs(Roles.Coordination);
        var count = ImportPipeline.PrepareSize * 2 + 7;
        var lines = Enumerable.Range(1, count).Select(Line).ToArray();
        var first = await client.UploadOk("observations", "saison.csv", ImportClient.Csv([Header, .. lines]));
        using (var committed = await client.Commit(first)) committed.AssertRedirectTo(first);

        var again = await client.UploadOk("observations", "saison-encore.csv", ImportClient.Csv([Header, .. lines]));
        Assert.Equal((0, 0, count, 0), Counts(await client.Summary(again)));

        // Without « Numéro »: by date, structure, territory and title. The last line, its difficulties edited, is « modifiée ».
        string[] withoutNumbers = [.. lines.Select(l => l[(l.IndexOf(';') + 1)..])];
        withoutNumbers[^1] += " Salle fermée.";
        var byKey = await client.UploadOk("observations", "saison-sans-numeros.csv", ImportClient.Csv([Header[(Header.IndexOf(';') + 1)..], .. withoutNumbers]));
        Assert.Equal((0, 1, count - 1, 0), Counts(await client.Summary(byKey)));
    }

    /// <summary>« 2 014 lignes : 0 créée, 1 modifiée, 2 013 inchangées, 0 refusée. » → (0, 1, 2013, 0).</summary>
    private static (int Created, int Updated, int Unchanged, int Refused) Counts(string summary)
    {
        var m = System.Text.RegularExpressions.Regex.Match(summary,
            @"([\d ]+) créées?, ([\d ]+) modifiées?, ([\d ]+) inchangées?, ([\d ]+) refusées?");
        Assert.True(m.Success, summary);
        int N(int group) => int.Parse(m.Groups[group].Value.Replace(" ", ""));
        return (N(1), N(2), N(3), N(4));
    }

    /// <summary>
    /// Every observation with what an import writes about it, without ids and times (which differ between two imports of
    /// the same lines): its columns, links, history, journal (the recorded version is its xmin) and external identifier.
    /// </summary>
    private async Task<List<string>> Rows()
    {
        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (to_jsonb(o) - 'Id' - 'CreatedAt' - 'UpdatedAt' - 'ValidatedAt' || jsonb_build_object(
              'times', o."UpdatedAt" = o."CreatedAt"
                       AND o."ValidatedAt" IS NOT DISTINCT FROM CASE WHEN o."Status" = 'Validee' THEN o."CreatedAt" END,
              'themes', (SELECT jsonb_agg(l."ThemesId" ORDER BY l."ThemesId") FROM "ObservationThemes" l WHERE l."ObservationId" = o."Id"),
              'audiences', (SELECT jsonb_agg(l."AudiencesId" ORDER BY l."AudiencesId") FROM "ObservationAudiences" l WHERE l."ObservationId" = o."Id"),
              'tools', (SELECT jsonb_agg(t."Name" ORDER BY t."Name") FROM "ObservationTools" l JOIN "DigitalTools" t ON t."Id" = l."ToolsId"
                        WHERE l."ObservationId" = o."Id"),
              'history', (SELECT jsonb_agg(to_jsonb(c) - 'Id' - 'ObservationId' - 'At') FROM "ObservationChanges" c WHERE c."ObservationId" = o."Id"),
              'journal', (SELECT jsonb_agg(jsonb_build_object('created', r."Created", 'before', r."Before",
                                                              'version', r."VersionAfter" = o.xmin::text::bigint))
                          FROM "ImportedRecords" r WHERE r."Entity" = 'Observation' AND r."RecordId" = o."Id"),
              'external', (SELECT jsonb_agg(x."Kind" || ' ' || x."ExternalId") FROM "ImportExternalIds" x
                           WHERE x."Entity" = 'Observation' AND x."RecordId" = o."Id")))::text
            FROM "Observations" o ORDER BY o."Title"
            """, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
