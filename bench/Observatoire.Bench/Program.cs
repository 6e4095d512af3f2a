using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

// Data generator and dashboard latency benchmark. See docs/performance.md and bench/dashboard.sh.
//   dotnet run -c Release --project bench/Observatoire.Bench -- generate "<connection string>" <observations> [<survey responses>]
//   dotnet run -c Release --project bench/Observatoire.Bench -- measure <portal url> <email> <password> [<runs>]
//   dotnet run -c Release --project bench/Observatoire.Bench -- syntheses <portal url> <email> <password> [<runs>]
//   dotnet run -c Release --project bench/Observatoire.Bench -- import-file "<connection string>" <observations> <file.csv|file.xlsx>...
//   dotnet run -c Release --project bench/Observatoire.Bench -- import "<connection string>" <file> <coordination email>
return args switch
{
    ["syntheses", var url, var email, var password, ..] => await SynthesisMeasure.RunAsync(url, email, password,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5),
    ["generate", var cs, var n, ..] => await Generator.RunAsync(cs, int.Parse(n, CultureInfo.InvariantCulture),
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0),
    ["measure", var url, var email, var password, ..] => await Measure.RunAsync(url, email, password,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 40),
    ["bench-survey", var cs] => await Generator.EnsureBenchSurveyAsync(cs),
    ["import-file", var cs, var n, .. var paths] => await ImportFiles.RunAsync(cs, int.Parse(n, CultureInfo.InvariantCulture), paths),
    ["import", var cs, var file, var email] => await ImportBench.RunAsync(cs, file, email),
    ["wiki", var cs, var n] => await WikiGenerator.RunAsync(cs, int.Parse(n, CultureInfo.InvariantCulture)),
    ["cookie", var url, var email, var password] => await Load.CookieAsync(url, email, password),
    ["rate", var url, var rps, var seconds, var cookie, .. var paths] => await Load.FixedRateAsync(url,
        int.Parse(rps, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture), cookie, paths),
    ["survey", var url, var slug, var count, var concurrency] => await Load.SurveyAsync(url, slug,
        int.Parse(count, CultureInfo.InvariantCulture), int.Parse(concurrency, CultureInfo.InvariantCulture)),
    ["survey-bodies", var url, var slug, var directory] => await Load.SurveyBodiesAsync(url, slug, directory),
    ["latency", var url, var runs, var cookie, .. var paths] => await Load.SequentialAsync(url,
        int.Parse(runs, CultureInfo.InvariantCulture), cookie, paths),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage :
          generate "<chaîne de connexion>" <observations> [<réponses d'enquête>]
          measure <url du portail> <courriel d'un membre> <mot de passe> [<requêtes par scénario>]
          syntheses <url du portail> <courriel d'un partenaire> <mot de passe> [<générations par scénario>]
          wiki "<chaîne de connexion>" <pages>
          import-file "<chaîne de connexion>" <observations> <fichier.csv|fichier.xlsx>...
          import "<chaîne de connexion>" <fichier> <courriel d'un compte Coordination>
          cookie <url du portail> <courriel> <mot de passe>
          rate <url> <requêtes/s> <secondes> <cookie ou -> <chemin>...
          latency <url> <requêtes> <cookie ou -> <chemin>...
          survey <url> <slug de l'enquête> <réponses> <concurrence>
          survey-bodies <url> <slug de l'enquête> <dossier>
        La base doit avoir été migrée et contenir les données de démonstration (référentiels, enquête).
        """);
    return 2;
}

/// <summary>Adds N observations (and survey responses) with binary COPY, then rebuilds the analysis rollups.</summary>
static class Generator
{
    private static readonly string[] Levels = ["Decouverte", "PriseEnMain", "UsageRegulier", "Autonomie"];
    private static readonly string[] Titles =
    [
        "Atelier CV en ligne", "Permanence démarches", "Initiation visioconférence", "Café numérique",
        "Accompagnement France Travail", "Atelier Pix", "Réunion de quartier outillée", "Aide aux devoirs en ligne",
    ];

    public static async Task<int> RunAsync(string connectionString, int count, int responses)
    {
        var random = new Random(1380 + count);
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var db = await data.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();

        var territories = await Read(db, """SELECT "Id", coalesce("ParentId", 0) FROM "Territories" """, r => (Id: r.GetInt32(0), Parent: r.GetInt32(1)));
        var structures = await Read(db, """SELECT "Id", coalesce("TerritoryId", 0) FROM "Structures" """, r => (Id: r.GetInt32(0), Territory: r.GetInt32(1)));
        var tools = await Read(db, """SELECT "Id" FROM "DigitalTools" ORDER BY "Id" """, r => r.GetInt32(0));
        var themes = await Read(db, """SELECT "Id" FROM "Themes" ORDER BY "Id" """, r => r.GetInt32(0));
        var audiences = await Read(db, """SELECT "Id" FROM "Audiences" ORDER BY "Id" """, r => r.GetInt32(0));
        if (structures.Count == 0 || tools.Count == 0 || themes.Count == 0 || audiences.Count == 0)
        {
            Console.Error.WriteLine("Référentiels vides : lancez d'abord le portail avec Observatoire__DemoData=true.");
            return 1;
        }
        // A structure observes mostly where it is, sometimes in a neighbouring quartier of the same commune.
        var places = structures.ToDictionary(s => s.Id, s =>
        {
            var own = territories.FirstOrDefault(t => t.Id == s.Territory);
            var commune = own.Parent == 0 ? own.Id : own.Parent;
            var neighbours = territories.Where(t => t.Parent == commune && t.Id != s.Territory).Select(t => t.Id).ToArray();
            return (Own: s.Territory == 0 ? territories[0].Id : s.Territory, Neighbours: neighbours);
        });
        // Popular tools are cited far more often than the rest (Zipf-like).
        var toolWeights = tools.Select((_, i) => 1.0 / (i + 1)).ToArray();

        var firstId = await Scalar<int>(db, """SELECT coalesce(max("Id"), 0) + 1 FROM "Observations" """);
        // Replica mode skips every trigger during the COPY: foreign-key checks (the rows are consistent by
        // construction) and the analysis triggers (rebuilt set-based afterwards). Needs a superuser.
        await Execute(db, "SET session_replication_role = replica");
        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var links = (Themes: new List<(int, int)>(), Audiences: new List<(int, int)>(), Tools: new List<(int, int)>());
            await using (var copy = await db.BeginBinaryImportAsync("""
                COPY "Observations" ("Id", "Title", "ObservedOn", "StructureId", "TerritoryId", "ParticipantsCount",
                  "Description", "AppropriationLevel", "Status", "CreatedAt", "UpdatedAt", "ValidatedAt") FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var i = 0; i < count; i++)
                {
                    var id = firstId + i;
                    var structure = structures[random.Next(structures.Count)];
                    var place = places[structure.Id];
                    var territory = place.Neighbours.Length > 0 && random.NextDouble() < 0.15
                        ? place.Neighbours[random.Next(place.Neighbours.Length)] : place.Own;
                    var observedOn = today.AddDays(-random.Next(5 * 365));
                    var status = random.NextDouble() switch { < 0.9 => "Validee", < 0.98 => "Soumise", _ => "Brouillon" };
                    var created = observedOn.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Integer);
                    await copy.WriteAsync(Titles[random.Next(Titles.Length)], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(observedOn, NpgsqlDbType.Date);
                    await copy.WriteAsync(structure.Id, NpgsqlDbType.Integer);
                    await copy.WriteAsync(territory, NpgsqlDbType.Integer);
                    await copy.WriteAsync(3 + random.Next(23), NpgsqlDbType.Integer);
                    await copy.WriteAsync("Observation générée pour le banc d'essai.", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Levels[Math.Min(3, (int)(random.NextDouble() * random.NextDouble() * 5))], NpgsqlDbType.Varchar);
                    await copy.WriteAsync(status, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                    if (status == "Validee") await copy.WriteAsync(created.AddDays(2), NpgsqlDbType.TimestampTz);
                    else await copy.WriteNullAsync();

                    foreach (var t in Pick(random, themes, 1 + (random.NextDouble() < 0.35 ? 1 : 0), null)) links.Themes.Add((id, t));
                    foreach (var a in Pick(random, audiences, 1 + random.Next(3), null)) links.Audiences.Add((id, a));
                    foreach (var t in Pick(random, tools, 1 + random.Next(3), toolWeights)) links.Tools.Add((id, t));
                }
                await copy.CompleteAsync();
            }
            Console.WriteLine($"{count:N0} observations copiées en {watch.Elapsed.TotalSeconds:0.0} s");
            await CopyLinks(db, "ObservationThemes", "ThemesId", links.Themes);
            await CopyLinks(db, "ObservationAudiences", "AudiencesId", links.Audiences);
            await CopyLinks(db, "ObservationTools", "ToolsId", links.Tools);
            Console.WriteLine($"liens copiés en {watch.Elapsed.TotalSeconds:0.0} s");
            await Execute(db, """SELECT setval(pg_get_serial_sequence('"Observations"', 'Id'), (SELECT max("Id") FROM "Observations"))""");
        }
        finally
        {
            await Execute(db, "SET session_replication_role = DEFAULT");
        }
        await Execute(db, "SELECT analysis_rebuild()", timeoutSeconds: 0);
        Console.WriteLine($"agrégats reconstruits en {watch.Elapsed.TotalSeconds:0.0} s");

        if (responses > 0) await GenerateResponses(db, random, responses);
        await Execute(db, """ANALYZE "Observations", "ObservationThemes", "ObservationAudiences", "ObservationTools", "Responses", "Answers" """, 0);
        Console.WriteLine($"terminé en {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>Responses to the first survey that has closed questions; those questions are shown on the dashboard.</summary>
    private static async Task GenerateResponses(NpgsqlConnection db, Random random, int count)
    {
        var questions = await ClosedQuestions(db);
        if (questions.Count == 0)
        {
            await Execute(db, BenchSurvey);
            questions = await ClosedQuestions(db);
        }
        await Execute(db, "SET session_replication_role = replica");
        await Execute(db, $"""UPDATE "Questions" SET "ShowOnDashboard" = true WHERE "Id" IN ({string.Join(',', questions.Select(q => q.Id))})""");
        var firstId = await Scalar<long>(db, """SELECT coalesce(max("Id"), 0) + 1 FROM "Responses" """);
        var now = DateTime.UtcNow;
        await using (var copy = await db.BeginBinaryImportAsync("""
            COPY "Responses" ("Id", "SurveyId", "CreatedAt", "IsAssisted", "ConsentRecorded", "IdempotencyKey") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var at = now.AddHours(-random.Next(2 * 365 * 24));
                await copy.StartRowAsync();
                await copy.WriteAsync(firstId + i, NpgsqlDbType.Bigint);
                await copy.WriteAsync(questions[0].Survey, NpgsqlDbType.Integer);
                await copy.WriteAsync(new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await db.BeginBinaryImportAsync("""
            COPY "Answers" ("ResponseId", "QuestionId", "OptionId") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
                foreach (var q in questions)
                {
                    var picks = q.Type == "MultipleChoice" ? 1 + random.Next(Math.Min(3, q.Options.Length)) : 1;
                    foreach (var option in Pick(random, q.Options, picks, null))
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(firstId + i, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(q.Id, NpgsqlDbType.Integer);
                        await copy.WriteAsync(option, NpgsqlDbType.Integer);
                    }
                }
            await copy.CompleteAsync();
        }
        await Execute(db, "SET session_replication_role = DEFAULT");
        await Execute(db, """SELECT setval(pg_get_serial_sequence('"Responses"', 'Id'), (SELECT max("Id") FROM "Responses"))""");
        await Execute(db, SurveyRollupRebuild, timeoutSeconds: 0);
        await Execute(db, "SELECT dashboard_version_bump(2)"); // cached dashboards of a running portal are out of date
        Console.WriteLine($"{count:N0} réponses d'enquête copiées ({questions.Count} questions suivies sur le tableau de bord)");
    }

    private static Task<List<(int Id, int Survey, string Type, int[] Options)>> ClosedQuestions(NpgsqlConnection db) => Read(db, """
        SELECT q."Id", q."SurveyId", q."Type", array_agg(o."Id" ORDER BY o."Order")
        FROM "Questions" q JOIN "QuestionOptions" o ON o."QuestionId" = q."Id"
        WHERE q."Type" IN ('SingleChoice', 'MultipleChoice', 'Scale', 'YesNo')
          AND q."SurveyId" = (SELECT min(q2."SurveyId") FROM "Questions" q2 JOIN "QuestionOptions" o2 ON o2."QuestionId" = q2."Id")
        GROUP BY q."Id" ORDER BY q."Id" LIMIT 3
        """, r => (Id: r.GetInt32(0), Survey: r.GetInt32(1), Type: r.GetString(2), Options: r.GetFieldValue<int[]>(3)));

    /// <summary>The survey of the submission scenario (slug banc-d-essai), created once.</summary>
    public static async Task<int> EnsureBenchSurveyAsync(string connectionString)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var db = await data.OpenConnectionAsync();
        if (await Scalar<long>(db, """SELECT count(*) FROM "Surveys" WHERE "Slug" = 'banc-d-essai' """) == 0) await Execute(db, BenchSurvey);
        return 0;
    }

    /// <summary>
    /// The survey rollup recomputed from every answer, after a COPY with triggers off (shard 0 by the column's default).
    /// The database keeps it up to date by itself otherwise (survey_rollup_add, Baseline migration).
    /// </summary>
    private const string SurveyRollupRebuild = """
        TRUNCATE "SurveyAnswerDays";
        INSERT INTO "SurveyAnswerDays" ("QuestionId", "Day", "ValueKey", "Count")
        SELECT q, d, v, n FROM (
          SELECT a."QuestionId" q, (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date d,
                 coalesce(a."OptionId", a."TerritoryId", a."ToolId", 0) v, count(*)::int n
          FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2, 3
          UNION ALL
          SELECT a."QuestionId", (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date, -1, count(DISTINCT a."ResponseId")::int
          FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2) s;
        """;

    /// <summary>A survey with three closed questions, for databases without the demo surveys.</summary>
    private const string BenchSurvey = """
        WITH s AS (INSERT INTO "Surveys" ("Title", "Slug", "Status", "RequiresInvitation", "CreatedAt", "UpdatedAt")
                   VALUES ('Vos usages du numérique (banc d''essai)', 'banc-d-essai', 'Open', false, now(), now()) RETURNING "Id"),
             p AS (INSERT INTO "SurveySections" ("SurveyId", "Order", "Title") SELECT "Id", 1, 'Vos usages' FROM s RETURNING "Id", "SurveyId"),
             q AS (INSERT INTO "Questions" ("SurveyId", "SectionId", "Order", "Text", "Type", "Required", "AllowOther", "ShowOnDashboard")
                   SELECT p."SurveyId", p."Id", v.o, v.t, v.k, true, false, true FROM p,
                     (VALUES (1, 'Avez-vous un ordinateur chez vous ?', 'YesNo'),
                             (2, 'Pour quoi utilisez-vous internet ?', 'MultipleChoice'),
                             (3, 'Êtes-vous à l''aise avec les démarches en ligne ?', 'Scale')) v(o, t, k)
                   RETURNING "Id", "Order")
        INSERT INTO "QuestionOptions" ("QuestionId", "Order", "Label", "Code")
        SELECT q."Id", v.o, v.l, v.c FROM q JOIN (VALUES
          (1, 1, 'Oui', 'oui'), (1, 2, 'Non', 'non'),
          (2, 1, 'Chercher un emploi', 'emploi'), (2, 2, 'Démarches administratives', 'demarches'),
          (2, 3, 'Garder le contact', 'contact'), (2, 4, 'Se former', 'formation'),
          (3, 1, '1', '1'), (3, 2, '2', '2'), (3, 3, '3', '3'), (3, 4, '4', '4'), (3, 5, '5', '5')) v(q, o, l, c) ON v.q = q."Order";
        """;

    private static IEnumerable<int> Pick(Random random, IReadOnlyList<int> values, int n, double[]? weights)
    {
        var chosen = new HashSet<int>();
        var total = weights?.Sum() ?? 0;
        while (chosen.Count < Math.Min(n, values.Count))
        {
            if (weights is null) chosen.Add(values[random.Next(values.Count)]);
            else
            {
                var x = random.NextDouble() * total;
                var i = 0;
                while (i < weights.Length - 1 && (x -= weights[i]) > 0) i++;
                chosen.Add(values[i]);
            }
        }
        return chosen.Order();
    }

    private static async Task CopyLinks(NpgsqlConnection db, string table, string column, List<(int Observation, int Other)> rows)
    {
        await using var copy = await db.BeginBinaryImportAsync($"""COPY "{table}" ("ObservationId", "{column}") FROM STDIN (FORMAT BINARY)""");
        foreach (var (observation, other) in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(observation, NpgsqlDbType.Integer);
            await copy.WriteAsync(other, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
    }

    internal static async Task<List<T>> Read<T>(NpgsqlConnection db, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task Execute(NpgsqlConnection db, string sql, int timeoutSeconds = 30)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Dashboard latency over HTTP, sequential requests (one user), as p50/p95 in milliseconds:
/// "cold" = every request a period never asked before; "repeated" = the same URL again and again.
/// </summary>
static partial class Measure
{
    public static async Task<int> RunAsync(string url, string email, string password, int runs)
    {
        var publicClient = new HttpClient { BaseAddress = new Uri(url) };
        var member = await SignIn(url, email, password);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (string Name, HttpClient Client, string Query)[] scenarios =
        [
            ("public, sans filtre", publicClient, ""),
            ("membre, sans filtre", member, ""),
            ("membre, territoire + thème", member, "&territoire=rabiere&theme=emploi"),
            ("membre, public + type de structure", member, "&public=demandeurs-d-emploi&type=association"),
        ];
        Console.WriteLine("| scénario | froid p50 | froid p95 | répété p50 | répété p95 |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, client, query) in scenarios)
        {
            // Cold: a one-year period moved back by one day each time, so no request repeats an earlier one.
            var cold = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var au = today.AddDays(-(i + 1) * 3);
                cold.Add(await Time(client, $"/tableau-de-bord?du={au.AddYears(-1).AddDays(1):yyyy-MM-dd}&au={au:yyyy-MM-dd}{query}"));
            }
            var fixedUrl = $"/tableau-de-bord?du={today.AddYears(-1).AddDays(1):yyyy-MM-dd}&au={today:yyyy-MM-dd}{query}";
            await Time(client, fixedUrl);
            var repeated = new List<double>();
            for (var i = 0; i < runs; i++) repeated.Add(await Time(client, fixedUrl));
            Console.WriteLine($"| {name} | {P(cold, 50):0} ms | {P(cold, 95):0} ms | {P(repeated, 50):0} ms | {P(repeated, 95):0} ms |");
        }
        return 0;
    }

    private static async Task<double> Time(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("Chiffres clés"))
            throw new InvalidOperationException($"GET {path} : {(int)response.StatusCode}");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static async Task<HttpClient> SignIn(string url, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url),
        };
        var form = await client.GetStringAsync("/compte/connexion");
        var token = Token().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Connexion de {email} refusée ({(int)response.StatusCode}).");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>
/// PDF synthesis generation over HTTP (preview form, POST, download), as p50/max in milliseconds, with the page
/// count; then four generations at once (they queue in the PDF engine), and the list page that recomputes fingerprints.
/// </summary>
static partial class SynthesisMeasure
{
    public static async Task<int> RunAsync(string url, string email, string password, int runs)
    {
        var client = await Measure.SignIn(url, email, password);
        var form = await client.GetStringAsync("/syntheses");
        var surveys = string.Concat(Checkbox("enquetes").Matches(form).Take(1).Select(m => "&enquetes=" + m.Groups[1].Value));
        var reports = string.Concat(Checkbox("retours").Matches(form).Take(5).Select(m => "&retours=" + m.Groups[1].Value));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = $"du={today.AddYears(-1).AddDays(1):yyyy-MM-dd}&au={today:yyyy-MM-dd}";
        (string Name, string Query)[] scenarios =
        [
            ("douze mois, tout le territoire, 1 enquête, 5 retours", year + surveys + reports),
            ("douze mois, Rabière + emploi", year + "&territoire=rabiere&theme=emploi"),
            // Several themes and audiences: every figure reads the fact rows of the period (no rollup slice fits).
            ("douze mois, Rabière + Sanitas, emploi + éducation, seniors + parents",
                year + "&territoire=rabiere&territoire=sanitas&theme=emploi&theme=education&public=seniors&public=parents"),
        ];
        // The first PDF starts Chromium: measured apart, not in the figures below.
        var (first, _) = await Generate(client, scenarios[1].Query);
        Console.WriteLine($"Première génération (démarrage de Chromium compris) : {first:0} ms");
        Console.WriteLine();
        Console.WriteLine("| scénario | pages | génération p50 | génération max | aperçu HTML p50 |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, query) in scenarios)
        {
            var times = new List<double>();
            var previews = new List<double>();
            var pages = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                using (var preview = await client.GetAsync("/syntheses/apercu?" + query)) await preview.Content.ReadAsStringAsync();
                previews.Add(watch.Elapsed.TotalMilliseconds);
                var (ms, n) = await Generate(client, query);
                times.Add(ms);
                pages = n;
            }
            Console.WriteLine($"| {name} | {pages} | {P(times, 50):0} ms | {times.Max():0} ms | {P(previews, 50):0} ms |");
        }
        var all = Stopwatch.StartNew();
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Generate(client, scenarios[0].Query)));
        Console.WriteLine();
        Console.WriteLine($"Quatre générations simultanées : toutes réussies en {all.Elapsed.TotalMilliseconds:0} ms (la plus longue : {concurrent.Max(c => c.Ms):0} ms).");
        var list = Stopwatch.StartNew();
        var page = await client.GetStringAsync("/syntheses");
        Console.WriteLine($"Liste /syntheses ({Row().Matches(page).Count} synthèses, empreintes recalculées) : {list.Elapsed.TotalMilliseconds:0} ms");
        return 0;
    }

    /// <summary>Preview form → POST → PDF download; the time covers the POST (content, fingerprint, print, store) and the download.</summary>
    private static async Task<(double Ms, int Pages)> Generate(HttpClient client, string query)
    {
        var preview = await client.GetStringAsync("/syntheses/apercu?" + query);
        var token = Token().Match(preview).Groups[1].Value;
        var fields = query.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], Uri.UnescapeDataString(p[1])))
            .Append(new("__RequestVerificationToken", token));
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/syntheses", new FormUrlEncodedContent(fields));
        var reference = Created().Match(response.Headers.Location?.OriginalString ?? "").Groups[1].Value;
        if (response.StatusCode != HttpStatusCode.Redirect || reference.Length == 0)
            throw new InvalidOperationException($"Génération refusée : {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var pdf = await client.GetByteArrayAsync($"/syntheses/{reference}.pdf");
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf)));
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static Regex Checkbox(string name) => new($"name=\"{name}\" value=\"([0-9]+)\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("creee=(SYN-[0-9]{4}-[0-9]{4,})")]
    private static partial Regex Created();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [GeneratedRegex("<tr id=\"SYN-")]
    private static partial Regex Row();
}
