using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Observatoire.Web.Data;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Wiki;
using Respawn.Graph;
using Respawn;

namespace Observatoire.IntegrationTests.Infrastructure;

[CollectionDefinition(nameof(PortalCollection))]
public class PortalCollection : ICollectionFixture<PortalFixture>;

/// <summary>
/// One portal over one real PostgreSQL database for the whole test assembly; migrations run once at start-up
/// (Program applies them), and <see cref="ResetAsync"/> empties the data between tests.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>Password of every account made by <see cref="SignedInAs"/>.</summary>
    public const string Password = "Test-Password-2026";

    private TestPostgres _postgres = null!;
    private Respawner _respawner = null!;

    public PortalFactory Factory { get; private set; } = null!;
    public string ConnectionString => Factory.ConnectionString;

    private WebApplicationFactory<Program>? _hardened;

    /// <summary>
    /// A second portal on the same database with production protections on: two-factor authentication required for
    /// staff and default rate limits. Started on first use. Give each of its clients its own address
    /// (<see cref="CreateHardenedClient"/>) so that tests do not share rate-limit windows.
    /// </summary>
    public WebApplicationFactory<Program> Hardened => _hardened ??= Factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Observatoire:Security:RequireTwoFactorForStaff", "true");
        b.UseSetting("Observatoire:RateLimits:Enabled", "true");
    });

    /// <summary>A client of <see cref="Hardened"/>, coming from its own address (X-Forwarded-For, as nginx sends it).</summary>
    public HttpClient CreateHardenedClient(string? clientAddress = null)
    {
        var client = Hardened.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("http://localhost"),
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress ?? $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync();
        Factory = new PortalFactory(await _postgres.CreateDatabaseAsync("obs_it"));
        _ = Factory.Server; // starts the portal, which migrates the database and creates the roles

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = new DeletingPostgresAdapter(),
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("DataProtectionKeys")],
        });
    }

    /// <summary>
    /// A new, empty database on the tests' PostgreSQL (dropped at the end of the run), for a portal of its own: a first
    /// start, with whatever settings the test gives its <see cref="PortalFactory"/>.
    /// </summary>
    public Task<string> CreateDatabaseAsync(string prefix) => _postgres.CreateDatabaseAsync(prefix);

    public async Task DisposeAsync()
    {
        if (_hardened is not null) await _hardened.DisposeAsync();
        if (Factory is not null) await Factory.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    /// <summary>
    /// Empties every table but the migration history and the data-protection keys, re-creates the roles, and forgets
    /// the cached public pages and settings (tests reuse slugs, and the tables were emptied behind the portal's back).
    /// The database is then an instance before its setup: no administrator, no settings, no setup token.
    /// </summary>
    public async Task ResetAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await _respawner.ResetAsync(connection);
        }
        await Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(new ObservatoireOptions()));
        await Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPageCache.WikiTag, default);
        Factory.Services.GetRequiredService<ObservatorySettingsCache>().Forget();
        if (_hardened is not null) _hardened.Services.GetRequiredService<ObservatorySettingsCache>().Forget();
    }

    /// <summary>A browser-like client: no automatic redirect (tests assert them), cookies kept between requests.</summary>
    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    /// <summary>Creates an account with <paramref name="role"/> (optionally linked to a structure) and signs it in through the login form.</summary>
    public async Task<HttpClient> SignedInAs(string role, int? structureId = null)
    {
        var user = await CreateUser(role, structureId);
        return await SignIn(user.Email!);
    }

    /// <summary>An account with the given role and password <see cref="Password"/>; email <c>{role}-{guid}@test.fr</c>.</summary>
    public Task<AppUser> CreateUser(string role, int? structureId = null) => Scope(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.fr";
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = $"{Roles.Label(role)} de test", CreatedAt = DateTime.UtcNow,
        };
        Succeeded(await users.CreateAsync(user, Password), $"création de {email}");
        Succeeded(await users.AddToRoleAsync(user, role), $"rôle {role} pour {email}");
        if (structureId is int id)
        {
            // The user store works on this scope's context, so the user is tracked by it.
            var db = sp.GetRequiredService<ObservatoireDbContext>();
            var structure = await db.Structures.FindAsync(id)
                ?? throw new InvalidOperationException($"La structure {id} n'existe pas : créez-la avant le compte.");
            user.Structures.Add(structure);
            await db.SaveChangesAsync();
        }
        return user;
    });

    /// <summary>Signs in through the login form, as a person would, and returns the signed-in client.</summary>
    public Task<HttpClient> SignIn(string email, string password = Password) => SignIn(CreateClient(), email, password);

    /// <summary>Signs <paramref name="client"/> in through the login form (password step only).</summary>
    public async Task<HttpClient> SignIn(HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostForm("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException(
                $"La connexion de {email} a échoué : {(int)response.StatusCode} au lieu d'une redirection.\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public Task<T> Db<T>(Func<ObservatoireDbContext, Task<T>> work) =>
        Scope(sp => work(sp.GetRequiredService<ObservatoireDbContext>()));

    public Task Db(Func<ObservatoireDbContext, Task> work) =>
        Scope(sp => work(sp.GetRequiredService<ObservatoireDbContext>()));

    /// <summary>Adds entities through a <see cref="SeedBuilder"/>, saves them, and returns what the builder returned (with its ids).</summary>
    public Task<T> Seed<T>(Func<SeedBuilder, T> build) => Db(async db =>
    {
        var result = build(new SeedBuilder(db));
        await db.SaveChangesAsync();
        return result;
    });

    public Task Seed(Action<SeedBuilder> build) => Seed(s => { build(s); return 0; });

    public async Task<T> Scope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task Scope(Func<IServiceProvider, Task> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Échec ({what}) : {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

/// <summary>Base of integration test classes: shares the portal and starts every test from an empty database.</summary>
[Collection(nameof(PortalCollection))]
public abstract class PortalTest(PortalFixture portal) : IAsyncLifetime
{
    protected PortalFixture Portal { get; } = portal;

    public Task InitializeAsync() => Portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Respawn's PostgreSQL adapter, but emptying the tables with DELETE rather than one TRUNCATE of them all: TRUNCATE
/// gives every table and index a new file, about 150 ms for this schema's 77 tables where DELETE of a test's few rows
/// takes about 20 ms, once before each of the 800-odd tests. Triggers (foreign keys, rollups) are off for the reset
/// (session_replication_role = replica, the tests' role is a superuser), so the order of the tables does not matter.
/// </summary>
internal sealed class DeletingPostgresAdapter : IDbAdapter
{
    private readonly IDbAdapter _postgres = DbAdapter.Postgres;

    public string BuildDeleteCommandText(GraphBuilder builder, RespawnerOptions options) =>
        "SET session_replication_role = replica;\n" +
        string.Concat(builder.ToDelete.Select(t => $"DELETE FROM \"{t.Schema}\".\"{t.Name}\";\n")) +
        "SET session_replication_role = DEFAULT;";

    public string BuildTableCommandText(RespawnerOptions options) => _postgres.BuildTableCommandText(options);
    public string BuildTemporalTableCommandText(RespawnerOptions options) => _postgres.BuildTemporalTableCommandText(options);
    public string BuildRelationshipCommandText(RespawnerOptions options) => _postgres.BuildRelationshipCommandText(options);
    public string BuildReseedSql(IEnumerable<Table> tablesToDelete) => _postgres.BuildReseedSql(tablesToDelete);
    public string BuildTurnOffSystemVersioningCommandText(IEnumerable<TemporalTable> tables) =>
        _postgres.BuildTurnOffSystemVersioningCommandText(tables);
    public string BuildTurnOnSystemVersioningCommandText(IEnumerable<TemporalTable> tables) =>
        _postgres.BuildTurnOnSystemVersioningCommandText(tables);
    public Task<bool> CheckSupportsTemporalTables(System.Data.Common.DbConnection connection) =>
        _postgres.CheckSupportsTemporalTables(connection);
    public bool RequiresStatementsToBeExecutedIndividually() => _postgres.RequiresStatementsToBeExecutedIndividually();
}
