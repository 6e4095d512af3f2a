using System.Globalization;
using Npgsql;
using Observatoire.Web.Analysis;
using Observatoire.Web.Infrastructure;

/// <summary>
/// Writes an observations spreadsheet to import (issue #15's benchmark): the columns of the observations export, names
/// taken from the directory of the database given (the demo directory in scripts/bench.sh), a « Numéro » per line as
/// an export from another instance would have. Deterministic: the same count gives the same files.
/// </summary>
static class ImportFiles
{
    private static readonly string[] Titles =
    [
        "Atelier CV en ligne", "Permanence démarches", "Initiation visioconférence", "Café numérique",
        "Accompagnement France Travail", "Atelier Pix", "Réunion de quartier outillée", "Aide aux devoirs en ligne",
    ];

    private static readonly string[] Header =
    [
        "Numéro", "Titre", "Date", "Statut", "Structure", "Territoire", "Outils", "Thèmes", "Publics", "Participants",
        "Niveau d'appropriation", "Ce qui a bien fonctionné", "Difficultés", "Description", "Observé par",
    ];

    /// <param name="paths">Files to write: a name ending in .csv is written as CSV, in .xlsx as a spreadsheet.</param>
    public static async Task<int> RunAsync(string connectionString, int count, string[] paths)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var db = await data.OpenConnectionAsync();
        var structures = await Generator.Read(db, """
            SELECT s."Name", coalesce(CASE WHEN p."Name" IS NULL THEN t."Name" ELSE t."Name" || ' (' || p."Name" || ')' END, '')
            FROM "Structures" s LEFT JOIN "Territories" t ON t."Id" = s."TerritoryId" LEFT JOIN "Territories" p ON p."Id" = t."ParentId"
            ORDER BY s."Id"
            """, r => (Name: r.GetString(0), Territory: r.GetString(1)));
        var territories = await Generator.Read(db, """
            SELECT CASE WHEN p."Name" IS NULL THEN t."Name" ELSE t."Name" || ' (' || p."Name" || ')' END
            FROM "Territories" t LEFT JOIN "Territories" p ON p."Id" = t."ParentId"
            WHERE t."RetiredAt" IS NULL AND p."RetiredAt" IS NULL ORDER BY t."Id"
            """, r => r.GetString(0));
        var tools = await Generator.Read(db, """SELECT "Name" FROM "DigitalTools" WHERE "Status" = 'Listed' ORDER BY "Id" """, r => r.GetString(0));
        var themes = await Generator.Read(db, """SELECT "Name" FROM "Themes" WHERE "RetiredAt" IS NULL ORDER BY "SortOrder" """, r => r.GetString(0));
        var audiences = await Generator.Read(db, """SELECT "Name" FROM "Audiences" WHERE "RetiredAt" IS NULL ORDER BY "SortOrder" """, r => r.GetString(0));
        var people = await Generator.Read(db, """SELECT "FullName" FROM "Actors" ORDER BY "Id" """, r => r.GetString(0));
        if (structures.Count == 0 || territories.Count == 0 || tools.Count == 0 || themes.Count == 0)
        {
            Console.Error.WriteLine("Annuaire vide : lancez d'abord le portail avec Observatoire__DemoData=true.");
            return 1;
        }
        Console.WriteLine($"Annuaire : {structures.Count} structures, {territories.Count} territoires, {tools.Count} outils, " +
                          $"{themes.Count} thèmes, {audiences.Count} publics, {people.Count} personnes.");

        // Each file its own numbers and titles (« C12 », « X12 »), so the .xlsx imported after the .csv adds its own lines;
        // BENCH_IMPORT_TAG before them gives a later run into the same database its own lines too (scripts/bench.sh scale).
        var tag = Environment.GetEnvironmentVariable("BENCH_IMPORT_TAG") ?? "";
        IEnumerable<string?[]> Rows(string prefix)
        {
            prefix = tag + prefix;
            var random = new Random(15 + count);
            var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            // Popular tools are cited far more often than the rest (Zipf-like), as in the generator of the load benchmark.
            var toolWeights = tools.Select((_, i) => 1.0 / (i + 1)).ToArray();
            var total = toolWeights.Sum();
            string Tool()
            {
                var x = random.NextDouble() * total;
                for (var i = 0; i < toolWeights.Length; i++) if ((x -= toolWeights[i]) <= 0) return tools[i];
                return tools[^1];
            }
            string Some(List<string> values, int max) =>
                string.Join(", ", Enumerable.Range(0, 1 + random.Next(max)).Select(_ => values[random.Next(values.Count)]).Distinct());
            for (var i = 1; i <= count; i++)
            {
                var structure = structures[random.Next(structures.Count)];
                var territory = structure.Territory.Length > 0 && random.NextDouble() < 0.85 ? structure.Territory
                    : territories[random.Next(territories.Count)];
                var level = (Observatoire.Web.Domain.AppropriationLevel)(1 + Math.Min(3, (int)(random.NextDouble() * random.NextDouble() * 5)));
                yield return
                [
                    $"{prefix}{i}", $"{Titles[random.Next(Titles.Length)]} n° {prefix}{i}",
                    today.AddDays(-random.Next(5 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    random.NextDouble() < 0.9 ? "Validée" : "Soumise", structure.Name, territory,
                    string.Join(", ", new[] { Tool(), Tool() }.Distinct()), Some(themes, 2),
                    audiences.Count == 0 ? null : Some(audiences, 2), (3 + random.Next(23)).ToString(CultureInfo.InvariantCulture),
                    AppropriationScale.Default.Label(level),
                    // Short texts, some empty: 100,000 lines stay under the 25 MB an upload may weigh.
                    random.NextDouble() < 0.3 ? "Entraide entre participants." : null,
                    random.NextDouble() < 0.2 ? "Connexion lente." : null,
                    random.NextDouble() < 0.5 ? "Atelier hebdomadaire." : null,
                    people.Count > 0 && random.NextDouble() < 0.5 ? people[random.Next(people.Count)] : null,
                ];
            }
        }

        foreach (var path in paths)
        {
            var xlsx = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
            var bytes = xlsx
                ? Observatoire.Web.Infrastructure.Formats.Spreadsheets.TabularFile.WriteXlsx("Observations", Header, Rows("X"))
                : Csv.Write(Header, Rows("C"));
            await File.WriteAllBytesAsync(path, bytes);
            Console.WriteLine($"{path} : {count} observations, {bytes.Length / 1024 / 1024.0:0.0} Mo");
        }
        return 0;
    }
}
