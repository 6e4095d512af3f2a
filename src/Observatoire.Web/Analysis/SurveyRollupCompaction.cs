namespace Observatoire.Web.Analysis;

/// <summary>
/// Folds the survey rollup's shards of past days into one row each (<c>survey_rollup_compact</c>, a database function
/// of the Baseline migration), every hour: the dashboard then reads at most one day of shards. Figures are exact whether it has run or not.
/// </summary>
public class SurveyRollupCompaction(IServiceScopeFactory scopes, ILogger<SurveyRollupCompaction> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public static async Task<long> RunOnceAsync(ObservatoireDbContext db, CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<long>(CompactPastDays).SingleAsync(ct);

    /// <summary>The shards of the days before today (Tours time): no response is written to them any more.</summary>
    private const string CompactPastDays = """
        SELECT survey_rollup_compact((now() AT TIME ZONE 'Europe/Paris')::date) AS "Value"
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations, demo data) finish first.
        try { await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken); }
        catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var folded = await RunOnceAsync(scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>(), stoppingToken);
                if (folded > 0) log.LogInformation("Agrégats d'enquêtes : {Rows} lignes de jours passés regroupées", folded);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Agrégats d'enquêtes : le regroupement des jours passés a échoué ; nouvel essai dans une heure.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
