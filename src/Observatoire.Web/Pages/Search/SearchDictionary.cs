using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Observatoire.Web.Pages.Search;

/// <summary>
/// Whether the search's French dictionary (migration FrenchLemmas, deploy/postgres/tsearch_data) is in use. Without it the
/// search still works on the stemmer alone, but misses plurals such as « emplois »; with it and its files gone from the
/// server (a PostgreSQL reinstalled, a container without the volume), every search and every save of a searchable record
/// fails: both are said, in French, on /healthz and on the administration page.
/// </summary>
public static class SearchDictionary
{
    public enum State { InUse, NotInstalled, FilesMissing }

    public const string NotInstalledMessage =
        "La recherche ne reconnaît pas tous les pluriels (« emplois » ne trouve pas « emploi ») : le dictionnaire français " +
        "n'est pas installé sur le serveur PostgreSQL. Copiez les fichiers de deploy/postgres/tsearch_data dans son dossier " +
        "tsearch_data, puis exécutez la commande SQL de docs/deploy.md (« Dictionnaire de la recherche »).";

    public const string FilesMissingMessage =
        "Les fichiers du dictionnaire français de la recherche manquent au serveur PostgreSQL : la recherche et l'enregistrement " +
        "des fiches échouent. Copiez de nouveau les fichiers de deploy/postgres/tsearch_data dans son dossier tsearch_data " +
        "(docs/deploy.md, « Dictionnaire de la recherche »).";

    public static async Task<State> StateAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var mapped = await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM pg_ts_config_map m
                           JOIN pg_ts_config c ON c.oid = m.mapcfg
                           JOIN pg_ts_dict d ON d.oid = m.mapdict
                           WHERE c.cfgname = {ObservatoireDbContext.SearchConfig} AND d.dictname = 'fr_lemmes') AS "Value"
            """).SingleAsync(ct);
        if (!mapped) return State.NotInstalled;
        try
        {
            // Loads the dictionary's files in this connection's server process, as the first search of the day would.
            await db.Database.SqlQuery<string>($"SELECT to_tsvector({ObservatoireDbContext.SearchConfig}::regconfig, 'emplois')::text AS \"Value\"")
                .SingleAsync(ct);
            return State.InUse;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedFile or PostgresErrorCodes.ConfigFileError)
        {
            return State.FilesMissing;
        }
    }

    /// <summary>On /healthz: degraded without the dictionary, unhealthy with a dictionary whose files are gone.</summary>
    public sealed class HealthCheck(ObservatoireDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                return await StateAsync(db, ct) switch
                {
                    State.InUse => HealthCheckResult.Healthy("Dictionnaire français de la recherche en service."),
                    State.NotInstalled => HealthCheckResult.Degraded(NotInstalledMessage),
                    _ => HealthCheckResult.Unhealthy(FilesMissingMessage),
                };
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database check says what to do when PostgreSQL does not answer.
                return HealthCheckResult.Unhealthy("Dictionnaire de la recherche non vérifié : la base de données ne répond pas.");
            }
        }
    }
}
