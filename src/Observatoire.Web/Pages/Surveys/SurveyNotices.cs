using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>
/// Coordination's notices about its open surveys (surveys have no owner: Coordination builds and manages them all):
/// one when a survey closes in <see cref="ClosingNotice"/> or less, once per closing date; one the first time its
/// responses reach the suppression threshold, from which its results can be published. They carry a title and a
/// count, never an answer nor anything about who answered.
/// </summary>
public class SurveyNotices(ObservatoireDbContext db, Suppression suppression) : INotificationSource
{
    public static readonly TimeSpan ClosingNotice = TimeSpan.FromDays(3);

    public async Task RunAsync(DateTime now, CancellationToken ct)
    {
        var soon = now + ClosingNotice;
        var threshold = suppression.Threshold;
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Open)
            .Select(s => new { s.Id, s.Title, s.ClosesAt, Responses = db.Responses.Count(r => r.SurveyId == s.Id) })
            .Where(s => (s.ClosesAt > now && s.ClosesAt <= soon) || s.Responses >= threshold)
            .ToListAsync(ct);
        foreach (var s in surveys)
        {
            var responses = s.Responses <= 1 ? $"{s.Responses} réponse" : $"{s.Responses.ToString("N0", French.Culture)} réponses";
            if (s.ClosesAt is { } closes && closes > now && closes <= soon)
                await Notify.OnceAsync(db, $"survey-closing:{s.Id}:{closes.Ticks}", now, async () =>
                    await Notify.AddAsync(db, await Notify.CoordinationAsync(db, ct), NotificationKind.SurveyManaged,
                        $"L'enquête « {s.Title} » ferme le {ParisTime.Format(closes)}", $"{responses} à ce jour.",
                        $"/enquetes/gestion/{s.Id}", now, ct), ct);
            if (s.Responses >= threshold)
                await Notify.OnceAsync(db, $"survey-threshold:{s.Id}", now, async () =>
                    await Notify.AddAsync(db, await Notify.CoordinationAsync(db, ct), NotificationKind.SurveyManaged,
                        $"L'enquête « {s.Title} » a atteint {threshold} réponses",
                        $"Ses résultats peuvent être publiés ; un chiffre de moins de {threshold} réponses reste masqué.",
                        $"/enquetes/gestion/{s.Id}/resultats", now, ct), ct);
        }
    }
}
