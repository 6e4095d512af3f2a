using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Chooses, once per request, the server its <see cref="ObservatoireDbContext"/> reads from, and keeps each person's
/// own writes visible to them (read-your-writes):
/// <list type="bullet">
/// <item>a GET or HEAD of a page marked <see cref="ReadsFromReplicaAttribute"/> goes to the replica when it is usable
/// (<see cref="ReplicaStatus"/>) and has replayed the reader's last write;</item>
/// <item>every other request goes to the primary; after one that may have written (any other method), the primary's
/// WAL position is put in a short-lived cookie, so that this browser's next pages wait for the replica to replay it;</item>
/// <item>a routed request that fails because the replica went away is re-run on the primary before anything was sent:
/// the person sees the page, a little later.</item>
/// </list>
/// </summary>
/// <remarks>
/// Why a WAL position rather than "the primary for a few seconds after a write": it is exact (the replica is used as
/// soon as it has the write, and never before, however late it is), it holds across several portal instances (the
/// cookie travels with the browser), and it costs one <c>pg_current_wal_lsn()</c> per write request, nothing per read.
/// A position reveals nothing about the person. Runs after routing (it reads the endpoint) and before authentication,
/// so that the re-run on the primary goes through the whole rest of the pipeline with fresh services.
/// </remarks>
public sealed class ReplicaReads(RequestDelegate next, ReplicaStatus status, ReplicaConnections connections,
    IOptions<ReplicaOptions> options, ILogger<ReplicaReads> log)
{
    public const string CookieName = "observatoire.lsn";

    /// <summary>Which server served a routed page: « replique », « primaire », or « primaire-secours » after a re-run.</summary>
    public const string Header = "X-Observatoire-Lecture";

    /// <summary>Written when the primary's position cannot be read after a write: no replica can have replayed it.</summary>
    private static readonly NpgsqlLogSequenceNumber Unreachable = new(ulong.MaxValue);

    public async Task Invoke(HttpContext context)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Response.OnStarting(() => RememberWriteAsync(context));
            await next(context);
            return;
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<ReadsFromReplicaAttribute>() is null)
        {
            await next(context);
            return;
        }
        if (!status.CanServe(LastWrite(context)))
        {
            status.Count(replica: false);
            context.Response.Headers[Header] = "primaire";
            await next(context);
            return;
        }

        context.RequestServices.GetRequiredService<ReadRouting>().UsesReplica = true;
        // Headers set by outer middleware (security headers) before this point, kept for a re-run.
        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value);
        context.Response.Headers[Header] = "replique";
        try
        {
            await next(context);
            status.Count(replica: true);
        }
        catch (Exception e) when (DatabaseUnavailable.IsTransient(e) && !context.Response.HasStarted
                                  && !context.RequestAborted.IsCancellationRequested)
        {
            var reason = e.GetBaseException().Message;
            status.MarkDown($"échec d'une requête ({reason})");
            status.CountFallback();
            log.LogWarning("Réplique en échec pendant {Method} {Path} ({Reason}) : requête servie par le serveur principal.",
                method, context.Request.Path, reason);
            context.Response.Headers.Clear();
            foreach (var (key, value) in headers) context.Response.Headers[key] = value;
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.Headers[Header] = "primaire-secours";
            // A fresh scope: the failed attempt's context holds a broken replica connection and whatever it tracked.
            var original = context.RequestServices;
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices = original;
            }
        }
    }

    /// <summary>The primary's WAL position at this browser's last write request, if recent.</summary>
    internal static NpgsqlLogSequenceNumber? LastWrite(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && NpgsqlLogSequenceNumber.TryParse(value, out var lsn)
            ? lsn : null;

    /// <summary>
    /// Runs as the response of a possible write starts, i.e. after the handler committed. Server errors wrote nothing
    /// worth waiting for. The cookie outlives the lag bound: past it, a replica that has not replayed the write is not
    /// used anyway.
    /// </summary>
    private async Task RememberWriteAsync(HttpContext context)
    {
        if (context.Response.StatusCode >= 500) return;
        NpgsqlLogSequenceNumber lsn;
        try
        {
            lsn = await connections.PrimaryLsnAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or OperationCanceledException || DatabaseUnavailable.IsTransient(e))
        {
            lsn = Unreachable;
        }
        context.Response.Cookies.Append(CookieName, lsn.ToString(), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromSeconds(Math.Max(60, options.Value.MaxLagSeconds * 4)),
        });
    }
}
