using System.Net.Sockets;
using Npgsql;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// A request that fails because PostgreSQL cannot be reached (restart, network, pool exhausted, serialization
/// conflict) gets 503 and the French "réessayez" page, not a 500: the failure is not a bug and the same request
/// will work again shortly. No retry here: the user decides whether to send the form again.
/// </summary>
public class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> log)
{
    public async Task Invoke(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsTransient(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogWarning("Base de données indisponible pendant {Method} {Path} : {Reason}",
                context.Request.Method, context.Request.Path, e.GetBaseException().Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
        }
    }

    /// <summary>True when the exception, or one it wraps, says the database was unreachable or asked for a retry.</summary>
    public static bool IsTransient(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal)
                                              || p.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01":
                case NpgsqlException { IsTransient: true }:
                case TimeoutException:
                case SocketException:
                    return true;
                case AggregateException a when a.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }
        return false;
    }
}
