using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Observatoire.Web.Data;

namespace Observatoire.IntegrationTests.Foundation;

/// <summary>
/// What the person who installs the portal reads in its log at a start: no error when all goes well, one line saying
/// which migrations were applied or that the database is up to date, and what to do when the database cannot be used.
/// </summary>
[Collection(nameof(PortalCollection))]
public class FirstStartTests(PortalFixture portal)
{
    /// <summary>The history squashed into Baseline, as a database migrated before the squash holds it.</summary>
    private static readonly string[] SquashedHistory =
    [
        "20261128154049_Initial", "20261128154547_Wiki", "20261128155144_Observations", "20261128155736_AnalysisRollups",
        "20261128160635_Security", "20261128163415_Surveys", "20261128164009_SurveyAnswerRollup", "20261128164445_Groups",
        "20261128165828_Syntheses", "20261128183905_SurveyAnswerShards", "20261128184026_ListAndSearchSpeed",
        "20261128184804_DashboardToolRollups", "20261128201022_DirectoryHistory", "20261202132312_MergeFollowUps",
        "20261202135503_FrenchCollation",
    ];

    [Fact]
    public async Task A_first_start_on_an_empty_database_logs_no_error_and_one_line_naming_the_migrations_applied()
    {
        var database = await portal.CreateDatabaseAsync("obs_first");
        var log = new LogCapture();

        await using (var factory = Portal(database, log))
            _ = factory.Server;

        Assert.Empty(Errors(log));
        Assert.Equal([$"Migrations appliquées : {string.Join(", ", Migrations())}"], DatabaseInformation(log));
    }

    [Fact]
    public async Task A_start_on_an_up_to_date_database_says_so_in_one_line()
    {
        var log = new LogCapture();

        // The fixture's portal has migrated its database already.
        await using (var factory = Portal(portal.ConnectionString, log))
            _ = factory.Server;

        Assert.Empty(Errors(log));
        Assert.Equal([$"Base de données à jour : aucune migration à appliquer (dernière : {Migrations()[^1]})."], DatabaseInformation(log));
    }

    [Fact]
    public async Task A_database_migrated_before_the_squash_stops_the_start_with_what_to_do()
    {
        var database = await portal.CreateDatabaseAsync("obs_presquash");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var history = new NpgsqlCommand("""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" character varying(150) PRIMARY KEY,
                                                      "ProductVersion" character varying(32) NOT NULL);
                INSERT INTO "__EFMigrationsHistory" SELECT unnest(@ids), '10.0.15';
                """, connection);
            history.Parameters.AddWithValue("ids", SquashedHistory);
            await history.ExecuteNonQueryAsync();
        }
        var log = new LogCapture();

        await using (var factory = Portal(database, log))
            // Program returns 1 there (the process ends); whether WebApplicationFactory then reports it is its own business.
            Record.Exception(() => factory.Server);

        var error = Assert.Single(Errors(log));
        Assert.Equal((LogLevel.Critical, "Observatoire.Database"), (error.Level, error.Category));
        var baseline = Migrations()[0];
        Assert.Contains($"vient d'avant la migration {baseline}", error.Message);
        Assert.Contains("contient 20261128154049_Initial (15 migration(s) inconnue(s) de cette version)", error.Message);
        Assert.Contains("Recréez-la (dropdb puis createdb", error.Message);
        // Its history ends where the squash did: its schema is Baseline's, and the message says how to keep its data.
        Assert.Contains($"""INSERT INTO "__EFMigrationsHistory" VALUES ('{baseline}', '10.0.""", error.Message);
        // Nothing was attempted on it: no Baseline over tables that already exist, no data loaded.
        await using var check = new NpgsqlConnection(database);
        await check.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", check);
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
    }

    /// <summary>The portal on <paramref name="connectionString"/>, logging from Information up into <paramref name="log"/>.</summary>
    private static WebApplicationFactory<Program> Portal(string connectionString, LogCapture log) =>
        new PortalFactory(connectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            // Turned back on: a failed statement at start-up is exactly what these tests look for.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
        }).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));

    private static List<LogCapture.Entry> Errors(LogCapture log) => log.Entries.Where(e => e.Level >= LogLevel.Error).ToList();

    private static List<string> DatabaseInformation(LogCapture log) =>
        log.Entries.Where(e => e.Category == "Observatoire.Database" && e.Level == LogLevel.Information).Select(e => e.Message).ToList();

    private static List<string> Migrations()
    {
        using var db = new ObservatoireDbContext(new DbContextOptionsBuilder<ObservatoireDbContext>().UseNpgsql("Host=unused").Options);
        return db.Database.GetMigrations().ToList();
    }
}
