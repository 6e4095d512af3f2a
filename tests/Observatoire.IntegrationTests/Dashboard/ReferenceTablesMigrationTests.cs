using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Observatoire.Web.Analysis;
using Observatoire.Web.Data;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// The ReferenceTables migration on a database in use: the hand count of <see cref="DashboardData"/> written with the
/// former text columns, then converted. The figures by structure kind, by tool category and the free share are the same
/// before and after, and the rollups equal a rebuild. Each test migrates a database of its own.
/// </summary>
[Collection(nameof(PortalCollection))]
public class ReferenceTablesMigrationTests(PortalFixture portal)
{
    private const string Migration = "ReferenceTables";

    private static ObservatoireDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ObservatoireDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Migrates to the migration before ReferenceTables (whatever its name: the history may be squashed).</summary>
    private async Task<string> DatabaseBeforeAsync()
    {
        var connectionString = await portal.CreateDatabaseAsync("obs_upgrade");
        await using var db = Context(connectionString);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
        Assert.True(index > 0, $"La migration {Migration} est introuvable, ou n'a pas de prédécesseur.");
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
        return connectionString;
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// DashboardData's observations #1 to #5 in the schema before the migration: kinds, categories and licences are the
    /// text the enums stored. A structure without observations and a pending tool are converted too.
    /// </summary>
    private const string FormerData = """
        INSERT INTO "Territories" ("Id", "Name", "Slug", "Kind", "ParentId") OVERRIDING SYSTEM VALUE VALUES
          (1, 'Tours', 'tours', 'Commune', NULL), (2, 'Sanitas', 'sanitas', 'Quartier', 1),
          (3, 'Joué-lès-Tours', 'joue-les-tours', 'Commune', NULL), (4, 'Rabière', 'rabiere', 'Quartier', 3);
        INSERT INTO "Structures" ("Id", "Name", "Slug", "Kind", "TerritoryId") OVERRIDING SYSTEM VALUE VALUES
          (1, 'Centre social Pluriel', 'centre-social-pluriel', 'CentreSocial', 2), (2, 'Résoudre', 'resoudre', 'Association', 4),
          (3, 'Bureau Information Jeunesse', 'bij', 'InformationJeunesse', 1);
        INSERT INTO "DigitalTools" ("Id", "Name", "Slug", "Category", "Licence", "Status") OVERRIDING SYSTEM VALUE VALUES
          (1, 'Nextcloud', 'nextcloud', 'Collaboratif', 'Libre', 'Listed'),
          (2, 'WhatsApp', 'whatsapp', 'Communication', 'Proprietaire', 'Listed'),
          (3, 'Démarches simplifiées', 'demarches-simplifiees', 'Demarches', 'Libre', 'Pending');
        INSERT INTO "Themes" ("Id", "Name", "Slug", "SortOrder") OVERRIDING SYSTEM VALUE VALUES (1, 'Emploi', 'emploi', 1), (2, 'Éducation', 'education', 2);
        INSERT INTO "Audiences" ("Id", "Name", "Slug", "SortOrder") OVERRIDING SYSTEM VALUE VALUES (1, 'Jeunes', 'jeunes', 1), (2, 'Seniors', 'seniors', 2);
        INSERT INTO "Observations" ("Id", "Title", "ObservedOn", "StructureId", "TerritoryId", "ParticipantsCount", "Description",
                                    "AppropriationLevel", "Status", "CreatedAt", "UpdatedAt", "ValidatedAt") OVERRIDING SYSTEM VALUE VALUES
          (1, 'Atelier CV', '2026-01-20', 1, 2, 10, '', 'Decouverte', 'Validee', now(), now(), now()),
          (2, 'Soutien scolaire en ligne', '2026-02-10', 1, 2, 6, '', 'PriseEnMain', 'Validee', now(), now(), now()),
          (3, 'Groupe d''entraide', '2026-03-05', 2, 4, 4, '', 'Autonomie', 'Validee', now(), now(), now()),
          (4, 'Atelier parents', '2026-03-31', 2, 4, 7, '', 'PriseEnMain', 'Validee', now(), now(), now()),
          (5, 'En attente', '2026-02-20', 2, 4, 100, '', 'PriseEnMain', 'Soumise', now(), now(), NULL);
        INSERT INTO "ObservationThemes" ("ObservationId", "ThemesId") VALUES (1, 1), (2, 1), (2, 2), (3, 1), (4, 2), (5, 1);
        INSERT INTO "ObservationAudiences" ("ObservationId", "AudiencesId") VALUES (1, 1), (2, 1), (2, 2), (3, 2);
        INSERT INTO "ObservationTools" ("ObservationId", "ToolsId") VALUES (1, 1), (1, 2), (2, 1), (3, 2);
        """;

    /// <summary>The three figures as the dashboard computed them from the text columns (validated observations of the period).</summary>
    private const string FormerFigures = """
        SELECT 'kind:' || s."Kind", count(*)::int
        FROM "Observations" o JOIN "Structures" s ON s."Id" = o."StructureId"
        WHERE o."Status" = 'Validee' AND o."ObservedOn" BETWEEN '2026-01-15' AND '2026-03-31' GROUP BY 1
        UNION ALL
        SELECT 'category:' || d."Category", count(*)::int
        FROM "Observations" o JOIN "ObservationTools" ot ON ot."ObservationId" = o."Id" JOIN "DigitalTools" d ON d."Id" = ot."ToolsId"
        WHERE o."Status" = 'Validee' AND o."ObservedOn" BETWEEN '2026-01-15' AND '2026-03-31' GROUP BY 1
        UNION ALL
        SELECT 'free', count(*) FILTER (WHERE d."Licence" = 'Libre')::int
        FROM "Observations" o JOIN "ObservationTools" ot ON ot."ObservationId" = o."Id" JOIN "DigitalTools" d ON d."Id" = ot."ToolsId"
        WHERE o."Status" = 'Validee' AND o."ObservedOn" BETWEEN '2026-01-15' AND '2026-03-31'
        """;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, int>> ReadAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, int>();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetInt32(1);
        return rows;
    }

    private sealed record Figures(List<(string Key, string Label, int Count)> Kinds, List<(string Key, string Label, int Count)> Categories,
        Indicators.ToolTotals Tools);

    private static async Task<Figures> FiguresAsync(string connectionString, string kind = "")
    {
        await using var db = Context(connectionString);
        var filter = new DashboardFilter { From = DashboardData.From, To = DashboardData.To, Kind = kind == "" ? null : kind }.Normalized(DashboardData.To);
        var scope = await Indicators.ResolveAsync(db, filter);
        return new Figures(
            [.. (await Indicators.ByStructureKindAsync(db, scope)).Select(g => (g.Key, g.Label, g.Count))],
            [.. (await Indicators.ByToolCategoryAsync(db, scope)).Select(g => (g.Key, g.Label, g.Count))],
            await Indicators.ToolTotalsAsync(db, scope));
    }

    [Fact]
    public async Task Figures_by_kind_by_category_and_the_free_share_are_the_same_after_the_conversion_and_equal_a_rebuild()
    {
        var database = await DatabaseBeforeAsync();
        await ExecuteAsync(database, FormerData);
        var former = await ReadAsync(database, FormerFigures);

        await MigrateAsync(database);

        // The same counts, now under the tables' names and slugs (DashboardData's hand count: Nextcloud is free, WhatsApp is not).
        Assert.Equal(new Dictionary<string, int>
        {
            ["kind:CentreSocial"] = 2, ["kind:Association"] = 2, ["category:Collaboratif"] = 2, ["category:Communication"] = 2, ["free"] = 2,
        }, former);
        var figures = await FiguresAsync(database);
        Assert.Equal([("association", "Association", 2), ("centre-social", "Centre social", 2)], figures.Kinds.Order());
        Assert.Equal([("communication-et-messagerie", "Communication et messagerie", 2), ("travail-collaboratif", "Travail collaboratif", 2)],
            figures.Categories.Order());
        Assert.Equal(new Indicators.ToolTotals(2, 4, 2), figures.Tools);
        // The dashboard's address of a kind, and the directory's former one, filter the same.
        Assert.Equal([("centre-social", "Centre social", 2)], (await FiguresAsync(database, "centre-social")).Kinds);
        Assert.Equal([("centre-social", "Centre social", 2)], (await FiguresAsync(database, "centresocial")).Kinds);

        await RollupCheck.AssertEqualARebuildAsync(database, "après la migration");
        var rebuilt = await FiguresAsync(database);
        Assert.Equal(figures.Kinds, rebuilt.Kinds);
        Assert.Equal(figures.Categories, rebuilt.Categories);
        Assert.Equal(figures.Tools, rebuilt.Tools);
    }

    [Fact]
    public async Task Every_text_value_becomes_its_row_and_the_values_keep_their_names_order_and_slugs()
    {
        var database = await DatabaseBeforeAsync();
        await ExecuteAsync(database, FormerData);

        await MigrateAsync(database);

        await using var db = Context(database);
        Assert.Equal(["Travail collaboratif", "Communication et messagerie", "Réseau social", "Démarches en ligne", "Recherche d'emploi",
            "Apprentissage et formation", "Bureautique", "Publication et site web", "Cartographie", "Autre"],
            await db.ToolCategories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.Equal([("libre", true), ("proprietaire", false)],
            (await db.Licences.OrderBy(l => l.SortOrder).Select(l => new { l.Slug, l.IsFree }).ToListAsync()).Select(l => (l.Slug, l.IsFree)));
        Assert.Equal(["association", "centre-social", "collectivite", "service-de-l-etat", "etablissement-scolaire", "information-jeunesse",
            "structure-de-l-emploi", "autre"], await db.StructureKinds.OrderBy(k => k.SortOrder).Select(k => k.Slug).ToListAsync());
        Assert.All(await db.ToolCategories.Select(c => c.Description).ToListAsync(), d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal([("bij", "information-jeunesse"), ("centre-social-pluriel", "centre-social"), ("resoudre", "association")],
            (await db.Structures.OrderBy(s => s.Slug).Select(s => new { s.Slug, Kind = s.Kind!.Slug }).ToListAsync()).Select(s => (s.Slug, s.Kind)));
        Assert.Equal([("demarches-simplifiees", "demarches-en-ligne", "libre"), ("nextcloud", "travail-collaboratif", "libre"),
                ("whatsapp", "communication-et-messagerie", "proprietaire")],
            (await db.DigitalTools.OrderBy(t => t.Slug).Select(t => new { t.Slug, Category = t.Category!.Slug, Licence = t.Licence!.Slug })
                .ToListAsync()).Select(t => (t.Slug, t.Category, t.Licence)));
        Assert.Equal(["centresocial", "emploi", "etablissementscolaire", "informationjeunesse", "serviceetat"],
            await db.SlugAliases.Where(a => a.Entity == nameof(StructureKind)).OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync());
    }

    [Fact]
    public async Task A_new_instance_gets_no_category_licence_or_kind()
    {
        var database = await portal.CreateDatabaseAsync("obs_empty");

        await MigrateAsync(database);

        await using var db = Context(database);
        Assert.Equal((0, 0, 0, 0), (await db.ToolCategories.CountAsync(), await db.Licences.CountAsync(), await db.StructureKinds.CountAsync(),
            await db.SlugAliases.CountAsync()));
    }
}
