using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Observations;

/// <summary>The notices the observation workflow writes, in the caller's context: they commit with the change itself.</summary>
public static class ObservationNotices
{
    public const string QueuePath = "/observations/a-valider";

    /// <summary>Coordination learns an observation waits in the queue (not the person who submitted it).</summary>
    public static async Task SubmittedAsync(ObservatoireDbContext db, Observation o, ObservationAccess by, CancellationToken ct) =>
        await Notify.AddAsync(db, (await Notify.CoordinationAsync(db, ct)).Where(id => id != by.UserId),
            NotificationKind.ObservationsToValidate, $"Observation à valider : « {o.Title} »", $"Soumise par {by.DisplayName}.",
            QueuePath, DateTime.UtcNow, ct);

    /// <summary>The author learns their observation was validated, or returned with the reviewer's comment.</summary>
    public static async Task ReviewedAsync(ObservatoireDbContext db, Observation o, ObservationAccess by, string? comment, CancellationToken ct)
    {
        if (o.CreatedById is not { } author || author == by.UserId) return;
        var (title, text) = o.Status == ObservationStatus.Validated
            ? ($"Votre observation « {o.Title} » a été validée", $"Validée par {by.DisplayName} : elle compte désormais dans les chiffres publiés.")
            : ($"Votre observation « {o.Title} » vous est renvoyée", $"Commentaire de {by.DisplayName} :\n{comment}");
        await Notify.AddAsync(db, [author], NotificationKind.ObservationReviewed, title, text, $"/observations/{o.Id}", DateTime.UtcNow, ct);
    }

    /// <summary>Coordination learns a tool was proposed with an observation and waits to be checked.</summary>
    public static async Task ToolProposedAsync(ObservatoireDbContext db, string name, CancellationToken ct) =>
        await Notify.AddAsync(db, await Notify.CoordinationAsync(db, ct), NotificationKind.ToolProposals, $"Outil proposé : {name}",
            "Proposé avec une observation : sa catégorie et sa licence sont à compléter.", "/annuaire/outils?statut=en-attente",
            DateTime.UtcNow, ct);
}
