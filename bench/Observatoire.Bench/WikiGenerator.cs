using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Observatoire.Web.Pages.Wiki;

/// <summary>
/// Adds N public wiki pages, each with one revision whose HTML and plain text are rendered by the portal's own
/// Markdown pipeline (as a save would store them), and the wiki links between them, with binary COPY.
/// </summary>
static class WikiGenerator
{
    private static readonly string[] Words =
    [
        "accompagnement", "numérique", "médiation", "usagers", "démarches", "administratives", "atelier", "quartier",
        "emploi", "formation", "bénévoles", "structure", "partenaires", "inclusion", "ordinateur", "smartphone",
        "messagerie", "identité", "sécurité", "famille", "jeunes", "seniors", "bibliothèque", "centre", "social",
        "permanence", "réseau", "territoire", "pratique", "retour", "expérience", "public", "autonomie", "écoute",
    ];

    public static async Task<int> RunAsync(string connectionString, int count)
    {
        var random = new Random(2026);
        var watch = Stopwatch.StartNew();
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var db = await data.OpenConnectionAsync();
        int firstPage, firstRevision;
        await using (var ids = new NpgsqlCommand("""
            SELECT (SELECT coalesce(max("Id"), 0) + 1 FROM "WikiPages"), (SELECT coalesce(max("Id"), 0) + 1 FROM "WikiRevisions")
            """, db))
        await using (var reader = await ids.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (firstPage, firstRevision) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        var slugs = Enumerable.Range(0, count).Select(i => $"banc-page-{firstPage + i}").ToArray();
        var existing = slugs.ToHashSet();
        var links = new List<(int From, string To)>();
        var now = DateTime.UtcNow;

        await using (var set = new NpgsqlCommand("SET session_replication_role = replica", db)) await set.ExecuteNonQueryAsync();
        // Pages are written after their revisions: one COPY at a time on a connection.
        var pages = new List<(int Id, string Title, string Slug, int Revision, string PlainText, DateTime At)>(count);
        await using (var revisions = await db.BeginBinaryImportAsync("""
            COPY "WikiRevisions" ("Id", "PageId", "Number", "Title", "CreatedAt", "Comment", "Markdown", "Html", "PlainText") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var title = $"{Capitalize(Word(random))} {Word(random)} et {Word(random)} n° {firstPage + i}";
                var markdown = Body(random, slugs);
                var rendered = WikiMarkdown.Render(markdown, existing);
                foreach (var target in rendered.LinkTargets) links.Add((firstPage + i, target));
                var at = now.AddMinutes(-random.Next(3 * 365 * 24 * 60));
                await revisions.StartRowAsync();
                await revisions.WriteAsync(firstRevision + i, NpgsqlDbType.Integer);
                await revisions.WriteAsync(firstPage + i, NpgsqlDbType.Integer);
                await revisions.WriteAsync(1, NpgsqlDbType.Integer);
                await revisions.WriteAsync(title, NpgsqlDbType.Varchar);
                await revisions.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await revisions.WriteAsync("Page générée pour le banc d'essai", NpgsqlDbType.Varchar);
                await revisions.WriteAsync(markdown, NpgsqlDbType.Varchar);
                await revisions.WriteAsync(rendered.Html, NpgsqlDbType.Varchar);
                await revisions.WriteAsync(rendered.PlainText, NpgsqlDbType.Varchar);
                pages.Add((firstPage + i, title, slugs[i], firstRevision + i, rendered.PlainText, at));
            }
            await revisions.CompleteAsync();
        }
        {
            await using var copy = await db.BeginBinaryImportAsync("""
                COPY "WikiPages" ("Id", "Title", "Slug", "Type", "Visibility", "IsProtected", "Categories", "CurrentRevisionId",
                  "CurrentRevisionNumber", "PlainText", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)
                """);
            foreach (var (id, title, slug, revision, plain, at) in pages)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync(title, NpgsqlDbType.Varchar);
                await copy.WriteAsync(slug, NpgsqlDbType.Varchar);
                await copy.WriteAsync(id % 5 == 0 ? "ExperienceReport" : "Page", NpgsqlDbType.Varchar);
                await copy.WriteAsync("Public", NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(new[] { id % 3 == 0 ? "Médiation" : "Ressources" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(revision, NpgsqlDbType.Integer);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(plain, NpgsqlDbType.Varchar);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await db.BeginBinaryImportAsync("""COPY "WikiLinks" ("FromPageId", "TargetSlug") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (from, to) in links)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(from, NpgsqlDbType.Integer);
                await copy.WriteAsync(to, NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
        }
        await using (var reset = new NpgsqlCommand("""
            SET session_replication_role = DEFAULT;
            SELECT setval(pg_get_serial_sequence('"WikiPages"', 'Id'), (SELECT max("Id") FROM "WikiPages"));
            SELECT setval(pg_get_serial_sequence('"WikiRevisions"', 'Id'), (SELECT max("Id") FROM "WikiRevisions"));
            ANALYZE "WikiPages", "WikiRevisions", "WikiLinks";
            """, db) { CommandTimeout = 0 })
            await reset.ExecuteNonQueryAsync();
        Console.WriteLine($"{count:N0} pages de wiki ({links.Count:N0} liens) copiées en {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>About 600 words: an introduction, three sections with a list, and two links to other pages.</summary>
    private static string Body(Random random, string[] slugs)
    {
        var text = new StringBuilder();
        text.AppendLine(Paragraph(random, 60)).AppendLine();
        for (var section = 1; section <= 3; section++)
        {
            text.AppendLine($"## {Capitalize(Word(random))} {Word(random)}").AppendLine();
            text.AppendLine(Paragraph(random, 90)).AppendLine();
            for (var item = 0; item < 4; item++) text.AppendLine($"- **{Capitalize(Word(random))}** : {Paragraph(random, 8)}");
            text.AppendLine();
            text.AppendLine(Paragraph(random, 70)).AppendLine();
        }
        var a = slugs[random.Next(slugs.Length)];
        var b = slugs[random.Next(slugs.Length)];
        text.AppendLine($"Voir aussi [[{a}]] et [[{b}]], ainsi que le [site du programme](https://societenumerique.gouv.fr/).");
        return text.ToString();
    }

    private static string Paragraph(Random random, int words) =>
        Capitalize(string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)))) + ".";

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
