using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// First run without environment variables: while no Administrateur exists, whoever holds a token printed in the log
/// may create the first one (as Jupyter or Grafana do). A token is 256 random bits; only its SHA-256 is stored, in
/// PostgreSQL, so that either instance behind the proxy accepts the token the other printed. Tokens stay valid until
/// the first administrator exists, then all are deleted.
/// </summary>
public class SetupTokens(ObservatoireDbContext db, TimeProvider clock)
{
    /// <summary>The setup page, and the query key of its token.</summary>
    public const string Path = "/installation";
    public const string QueryKey = "jeton";

    /// <summary>Where the person installing the portal finds the token: said on the pages that point to the setup.</summary>
    public const string WhereToLook = "journalctl -u observatoire";

    /// <summary>True once any account holds the Administrateur role (from the setup, the environment or the demo data).</summary>
    public static Task<bool> AdministratorExistsAsync(ObservatoireDbContext db, CancellationToken ct = default) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrateur), ct);

    /// <summary>A new token, stored hashed beside those other starts or instances printed; returns the token itself.</summary>
    public async Task<string> IssueAsync(CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.SetupTokens.Add(new SetupToken { Hash = Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>
    /// Whether <paramref name="token"/> is one of the stored ones. Compared hash against hash in constant time, all of
    /// them every time: the answer's timing says nothing about how close a guess came.
    /// </summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return false;
        var hash = Hash(token.Trim());
        var stored = await db.SetupTokens.AsNoTracking().Select(t => t.Hash).ToListAsync(ct);
        var found = false;
        foreach (var s in stored) found |= CryptographicOperations.FixedTimeEquals(s, hash);
        return found;
    }

    /// <summary>Once the first administrator exists, no token may create another.</summary>
    public Task DeleteAllAsync(CancellationToken ct = default) => db.SetupTokens.ExecuteDeleteAsync(ct);

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// At start-up, once the server listens: when no Administrateur exists, issues a setup token and prints the full setup
/// address in one French log line (warning level, so that it shows whatever the log level). Runs on every instance;
/// each prints its own token, and both tokens work on both.
/// </summary>
public sealed class SetupAnnouncement(IServiceScopeFactory scopes, IServer server, IOptions<ObservatoireOptions> options,
    ILogger<SetupAnnouncement> log) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
            if (await SetupTokens.AdministratorExistsAsync(db, ct)) return;
            var token = await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueAsync(ct);
            var url = $"{BaseUrl()}{SetupTokens.Path}?{SetupTokens.QueryKey}={token}";
            log.LogWarning("Aucun administrateur : ouvrez {SetupUrl} pour installer l'observatoire (lien valable jusqu'à la création du premier administrateur).", url);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The portal still serves its pages; the next start tries again.
            log.LogWarning("Lien d'installation non créé : {Reason}. Redémarrez le portail une fois la base joignable.", e.GetBaseException().Message);
        }
    }

    /// <summary>The configured public address, else the address the server listens on (a wildcard host read as localhost).</summary>
    private string BaseUrl()
    {
        var configured = options.Value.PublicUrl?.TrimEnd('/');
        if (!string.IsNullOrEmpty(configured)) return configured;
        return AccountLinks.ListeningAddress(server);
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
