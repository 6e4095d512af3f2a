using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server for tests: the one scripts/test.sh started (OBSERVATOIRE_TEST_PG), or else a throwaway
/// cluster of our own (initdb + pg_ctl on a free port, as the postgres user when root) so `dotnet test` works alone.
/// Each test assembly gets its own database on it, dropped at the end.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string ServerVariable = "OBSERVATOIRE_TEST_PG";

    private readonly string _serverConnectionString;
    private readonly string? _ownClusterDir;
    private readonly string? _bin;
    private readonly List<string> _databases = [];

    private TestPostgres(string serverConnectionString, string? ownClusterDir, string? bin)
    {
        _serverConnectionString = serverConnectionString;
        _ownClusterDir = ownClusterDir;
        _bin = bin;
    }

    public static async Task<TestPostgres> StartAsync()
    {
        var shared = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(shared))
            return new TestPostgres(shared, null, null);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                $"PostgreSQL est introuvable (/usr/lib/postgresql/*/bin/initdb) : installez le paquet postgresql, " +
                $"lancez scripts/test.sh, ou définissez {ServerVariable}.");

        var dir = Directory.CreateTempSubdirectory("observatoire-test-pg-").FullName;
        var cluster = new TestPostgres("", dir, bin);
        try
        {
            if (Environment.IsPrivilegedProcess)
                await Run("chown", "postgres:postgres", dir);
            await cluster.RunAsPostgres("initdb", "-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
            var port = FreeTcpPort();
            // Durability is worthless for a cluster deleted at the end of the run.
            await cluster.RunAsPostgres("pg_ctl", "-D", dir, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "-o",
                $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{dir}' " +
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
            return new TestPostgres($"Host=127.0.0.1;Port={port};Username=postgres", dir, bin);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using (var connection = new NpgsqlConnection(With(_serverConnectionString, "postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        _databases.Add(name);
        return With(_serverConnectionString, name);
    }

    /// <summary>A TCP port on the loopback that nobody listens on right now.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownClusterDir is null)
        {
            await using var connection = new NpgsqlConnection(With(_serverConnectionString, "postgres"));
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            return;
        }
        try
        {
            if (File.Exists(Path.Combine(_ownClusterDir, "postmaster.pid")))
                await RunAsPostgres("pg_ctl", "-D", _ownClusterDir, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_ownClusterDir, recursive: true);
        }
    }

    private static string With(string serverConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    // PostgreSQL refuses to run as root.
    private Task RunAsPostgres(string tool, params string[] args) =>
        Environment.IsPrivilegedProcess
            ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. args])
            : Run(Path.Combine(_bin!, tool), args);

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} n'a pas démarré.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} a échoué (code {process.ExitCode}) : {await stderr}{await stdout}");
    }
}
