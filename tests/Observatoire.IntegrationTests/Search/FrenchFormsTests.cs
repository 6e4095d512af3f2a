using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Observatoire.IntegrationTests.Wiki;
using Observatoire.Web.Data;
using Observatoire.Web.Pages.Search;

namespace Observatoire.IntegrationTests.Search;

/// <summary>
/// « Les accents et les pluriels sont ignorés », as the search page promises: each word written in a record is found by
/// its other forms (plural, feminine, conjugated, with or without accents), in /recherche and in /observations?q=, through
/// the French dictionary of the migration FrenchLemmas; and a word is not found by an unrelated one.
/// </summary>
public class FrenchFormsTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>A word written in an observation, and the queries that must find it.</summary>
    public static readonly (string Written, string[] Queries)[] Forms =
    [
        // Plurals the Snowball stemmer alone missed: « emplois », « genoux »-like -oux, -aux that are not -al.
        ("emploi", ["emplois", "Emplois", "emploi"]),
        ("emplois", ["emploi"]),
        ("journaux", ["journal"]),
        ("travaux", ["travail"]),
        ("réseaux", ["réseau", "reseau"]),
        ("hôpitaux", ["hôpital", "hopital"]),
        ("tiers-lieux", ["tiers-lieu"]),
        ("choix", ["choix"]),
        ("fois", ["fois"]),
        // Plurals with -s, with and without accents.
        ("ateliers", ["atelier"]),
        ("bénévoles", ["bénévole", "benevole", "BENEVOLES"]),
        ("numériques", ["numérique", "numerique"]),
        ("activités", ["activite", "activités", "ACTIVITÉ"]),
        ("démarches", ["démarche", "demarche"]),
        ("ordinateurs", ["ordinateur"]),
        // Feminine forms.
        ("animatrices", ["animateur", "animatrice", "animateurs"]),
        ("citoyennes", ["citoyen", "citoyens"]),
        ("administratives", ["administratif", "administrative"]),
        ("formatrice", ["formateur"]),
        // Conjugated verbs and participles.
        ("accompagnés", ["accompagner", "accompagnée"]),
        ("inscrits", ["inscrit", "inscrire"]),
        // A name the dictionary does not know keeps the stemmer.
        ("Framadates", ["Framadate"]),
    ];

    /// <summary>Queries that must find none of the words above (a dictionary that matched anything would pass the table).</summary>
    public static readonly string[] Unrelated = ["employeur", "information", "journée", "travailleuse", "réserve", "atelage"];

    [Fact]
    public async Task Every_word_is_found_by_its_other_forms_in_the_search_and_the_observation_list()
    {
        await Portal.Seed(s =>
        {
            var structure = s.Structure();
            for (var i = 0; i < Forms.Length; i++)
                s.Observation($"Fiche {i}", structure, description: $"Compte rendu : {Forms[i].Written}.");
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var wrong = new List<string>();

        for (var i = 0; i < Forms.Length; i++)
        {
            foreach (var query in Forms[i].Queries)
            {
                var search = (await coordination.GetHtml("/recherche?q=" + Uri.EscapeDataString(query)))
                    .QuerySelectorAll(".search-results li > a").Select(a => a.Text().Trim()).ToList();
                var list = (await coordination.GetHtml("/observations?q=" + Uri.EscapeDataString(query)))
                    .QuerySelectorAll(".observation-list h2").Select(h => h.Text().Trim()).ToList();
                if (!search.Contains($"Fiche {i}")) wrong.Add($"/recherche : « {query} » ne trouve pas « {Forms[i].Written} » ({string.Join(", ", search)})");
                if (!list.Contains($"Fiche {i}")) wrong.Add($"/observations : « {query} » ne trouve pas « {Forms[i].Written} » ({string.Join(", ", list)})");
            }
        }
        foreach (var query in Unrelated)
        {
            var search = (await coordination.GetHtml("/recherche?q=" + Uri.EscapeDataString(query)))
                .QuerySelectorAll(".search-results li > a").Select(a => a.Text().Trim()).ToList();
            if (search.Count > 0) wrong.Add($"/recherche : « {query} » trouve {string.Join(", ", search)}");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_wiki_page_is_found_by_a_plural_of_its_words()
    {
        await Portal.Page("Retour d'expérience", "Les emplois aidés et les journaux de quartier.");

        var page = await Portal.CreateClient().GetHtml("/recherche?q=emploi+journal");

        Assert.Equal(["/wiki/retour-d-experience"], page.QuerySelectorAll(".search-results li > a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task An_acronym_finds_its_pages_and_not_those_of_another_acronym_the_unit_prefixes_read_alike()
    {
        // With the prefixes of measurement units, « CV », « TV » and « PV » were a centivolt, a teravolt and a petavolt,
        // all indexed as 'v': each found the others' pages.
        await Portal.Page("Atelier CV", "Rédiger son CV avec un bénévole.");
        await Portal.Page("Prêt de TV", "Une TV pour les projections du quartier.");
        await Portal.Page("Procès-verbal", "Le PV de l'assemblée générale.");
        // The prefixes of the units' names stay, and with them their plurals.
        await Portal.Page("Atelier cuisine", "Une recette pour 500 grammes de farine.");

        foreach (var (query, expected) in new[]
                 { ("CV", "/wiki/atelier-cv"), ("TV", "/wiki/pret-de-tv"), ("PV", "/wiki/proces-verbal"), ("gramme", "/wiki/atelier-cuisine") })
        {
            var page = await Portal.CreateClient().GetHtml("/recherche?q=" + query);
            Assert.Equal([expected], page.QuerySelectorAll(".search-results li > a").Select(a => a.GetAttribute("href")).ToList());
        }
    }

    [Fact]
    public async Task The_migration_without_unit_prefixes_computes_again_only_the_records_holding_a_units_lexeme()
    {
        var connectionString = await Portal.CreateDatabaseAsync("obs_unites");
        await using var db = Context(connectionString);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_DictionaryWithoutUnitPrefixes", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "WikiPages" ("Title", "Slug", "Type", "Visibility", "IsProtected", "Categories", "CurrentRevisionNumber",
                                     "PlainText", "CreatedAt", "UpdatedAt")
            VALUES ('Prêt de matériel', 'pret', 'Page', 'Public', false, ARRAY[]::text[], 1, 'Une prise de 220 V pour la TV.', now(), now()),
                   ('Accueil', 'accueil', 'Page', 'Public', false, ARRAY[]::text[], 1, 'Permanence du mardi.', now(), now())
            """);
        var before = await Versions(db);

        await db.GetService<IMigrator>().MigrateAsync(migrations[index]);

        var after = await Versions(db);
        Assert.NotEqual(before["pret"], after["pret"]);
        Assert.Equal(before["accueil"], after["accueil"]);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<Dictionary<string, string>> Versions(ObservatoireDbContext db) =>
        (await db.Database.SqlQuery<Row>($"""SELECT "Slug", xmin::text AS "Version" FROM "WikiPages" """).ToListAsync())
        .ToDictionary(r => r.Slug, r => r.Version);

    private sealed record Row(string Slug, string Version);

    [Fact]
    public async Task The_dictionary_is_in_use_on_this_server()
    {
        Assert.Equal(SearchDictionary.State.InUse, await Portal.Db(db => SearchDictionary.StateAsync(db, default)));
        using var health = System.Text.Json.JsonDocument.Parse(await Portal.CreateClient().GetStringAsync("/healthz"));
        var check = health.RootElement.GetProperty("verifications").EnumerateArray().Single(c => c.GetProperty("nom").GetString() == "recherche");
        Assert.Equal("Dictionnaire français de la recherche en service.", check.GetProperty("message").GetString());
    }

    private static ObservatoireDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ObservatoireDbContext>().UseNpgsql(connectionString).Options);

    [Fact]
    public async Task The_migration_computes_again_the_vectors_and_title_indexes_of_records_written_before_it()
    {
        var connectionString = await Portal.CreateDatabaseAsync("obs_lemmes");
        await using (var db = Context(connectionString))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_FrenchLemmas", StringComparison.Ordinal));
            Assert.True(index > 0, "La migration FrenchLemmas est introuvable, ou n'a pas de prédécesseur.");
            await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
            var s = new SeedBuilder(db);
            // The territory is written in SQL: today's model has columns of Territories (contours) this older schema lacks.
            var territoryId = await db.Database.SqlQueryRaw<int>(
                "INSERT INTO \"Territories\" (\"Name\", \"Slug\", \"Kind\") VALUES ('Tours', 'tours', 'Municipality') RETURNING \"Id\" AS \"Value\"")
                .ToListAsync();
            var tours = new Territory { Id = territoryId.Single(), Name = "Tours", Slug = "tours", Kind = TerritoryKind.Municipality };
            db.Attach(tours);
            s.Observation("Emplois d'avenir", s.Structure(territory: tours), description: "Les journaux du quartier.");
            await db.SaveChangesAsync();
            Assert.False(await Matches(db, "emploi"));
        }
        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync();
            Assert.True(await Matches(db, "emploi"));
            Assert.True(await Matches(db, "journal"));
            // The title's index, forced: a stale one would hold the former lexemes and find nothing.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
            Assert.Equal(1, await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM "Observations"
                WHERE to_tsvector('fr_unaccent', "Title") = to_tsvector('fr_unaccent', 'emploi d''avenir')
                """).SingleAsync());
        }
        // Down restores the stemmer alone, and up again the dictionary.
        await using (var db = Context(connectionString))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_FrenchLemmas", StringComparison.Ordinal)) - 1]);
            Assert.Equal(SearchDictionary.State.NotInstalled, await SearchDictionary.StateAsync(db, default));
            Assert.False(await Matches(db, "emploi"));
            Assert.True(await Matches(db, "emplois"));
            await db.Database.MigrateAsync();
            Assert.Equal(SearchDictionary.State.InUse, await SearchDictionary.StateAsync(db, default));
            Assert.True(await Matches(db, "emploi"));
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static Task<bool> Matches(ObservatoireDbContext db, string query) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM "Observations" WHERE "SearchVector" @@ websearch_to_tsquery('fr_unaccent', {query})) AS "Value"
            """).SingleAsync();

    [Fact]
    public async Task Without_the_dictionary_the_administrator_is_told_what_to_install()
    {
        var connectionString = await Portal.CreateDatabaseAsync("obs_sans_lemmes");
        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync();
            Assert.Equal(SearchDictionary.State.InUse, await SearchDictionary.StateAsync(db, default));
            // A server without the files: the migration left the stemmer alone.
            await db.Database.ExecuteSqlRawAsync(Remap(withDictionary: false));
            Assert.Equal(SearchDictionary.State.NotInstalled, await SearchDictionary.StateAsync(db, default));
            var health = await new SearchDictionary.HealthCheck(db).CheckHealthAsync(new());
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status);
            Assert.Contains("deploy/postgres/tsearch_data", health.Description);
        }
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_administration_page_says_when_the_search_lacks_its_dictionary()
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        Assert.Null((await admin.GetHtml("/admin")).QuerySelector("main p.warning"));
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync(Remap(withDictionary: false)));
        try
        {
            var warning = (await admin.GetHtml("/admin")).QuerySelector("main p.warning")?.Text();
            Assert.Equal(SearchDictionary.NotInstalledMessage, warning);
        }
        finally
        {
            await Portal.Db(db => db.Database.ExecuteSqlRawAsync(Remap(withDictionary: true)));
        }
    }

    /// <summary>The mapping of the migration FrenchLemmas, with its dictionary or without it (a server without the files).</summary>
    private static string Remap(bool withDictionary)
    {
        var dictionaries = withDictionary ? "fr_mots_vides, fr_lemmes, french_stem" : "french_stem";
        return $"""
            ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword_part, word WITH unaccent, {dictionaries};
            ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR asciiword, hword_asciipart WITH {dictionaries};
            """;
    }
}
