using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// « Données modifiées depuis »: the person who generated a synthesis and the members who downloaded it
/// (<see cref="SynthesisDownload"/>) learn when its stored parameters would now give another data fingerprint — a validated
/// observation in scope changed, a response or an experience report's revision came. Once per synthesis and new
/// fingerprint: a later change notifies again, a change undone does not.
/// </summary>
public class SynthesisNotices(ObservatoireDbContext db, Suppression suppression) : INotificationSource
{
    public async Task RunAsync(DateTime now, CancellationToken ct)
    {
        var syntheses = await db.Syntheses.AsNoTracking().Where(s => s.PageCount > 0)
            .Select(s => new { s.Id, s.Reference, s.Title, s.GeneratedAt, s.GeneratedById, s.Fingerprint, s.Parameters })
            .ToListAsync(ct);
        var downloads = (await db.SynthesisDownloads.AsNoTracking().Select(d => new { d.SynthesisId, d.UserId }).ToListAsync(ct))
            .ToLookup(d => d.SynthesisId, d => d.UserId);
        // Syntheses of the same parameters share one recomputation, as on the list of syntheses.
        foreach (var group in syntheses.GroupBy(s => s.Parameters))
        {
            var current = await SynthesisContent.CurrentFingerprintAsync(db, SynthesisRequest.FromJson(group.Key), suppression.Threshold, ct);
            foreach (var s in group.Where(s => s.Fingerprint != current))
            {
                string[] readers = [.. downloads[s.Id].Append(s.GeneratedById).OfType<string>().Distinct()];
                if (readers.Length == 0) continue;
                await Notify.OnceAsync(db, $"synthesis-changed:{s.Id}:{current}", now, () =>
                    Notify.AddAsync(db, readers, NotificationKind.SynthesisDataChanged,
                        $"Données modifiées depuis la synthèse {s.Reference}",
                        $"« {s.Title} », produite le {ParisTime.Format(s.GeneratedAt)} : la régénérer avec les mêmes paramètres donnerait d'autres chiffres.",
                        "/syntheses#precedentes", now, ct), ct);
            }
        }
    }
}
