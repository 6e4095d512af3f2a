namespace Observatoire.Web.Pages.Observations;

/// <summary>Log an observed usage: saved as a draft, or submitted to Coordination straight away.</summary>
[Authorize(Policy = Policies.Contributor)]
public class NewModel(ObservatoireDbContext db) : ObservationFormPage
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        // The user's own structure and its territory are the most likely answers: preselect them.
        var own = await db.Structures.AsNoTracking().Where(s => access.StructureIds.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.TerritoryId }).FirstOrDefaultAsync(ct);
        Input = new ObservationInput
        {
            ObservedOn = ParisTime.Today(DateTime.UtcNow),
            StructureId = own?.Id,
            TerritoryId = own?.TerritoryId,
        };
        Form = await ObservationForm.LoadAsync(db, access, Input, null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        Form = await ObservationForm.LoadAsync(db, access, Input, null, ct);
        await Form.ValidateAsync(db, Input, ModelState, ct);
        if (!ModelState.IsValid) return Page();

        var submit = Intent == "soumettre";
        var now = DateTime.UtcNow;
        var observerId = await db.Users.Where(u => u.Id == access.UserId).Select(u => u.ActorId).FirstOrDefaultAsync(ct);
        var observation = new Observation
        {
            Title = "", CreatedById = access.UserId, ObserverId = observerId, CreatedAt = now,
            Status = submit ? ObservationStatus.Submitted : ObservationStatus.Draft,
        };
        await ObservationForm.ApplyAsync(db, observation, Input, ct);
        db.Observations.Add(observation);
        db.ObservationChanges.Add(ObservationForm.Change(observation, access.UserId, access.DisplayName, ObservationChangeKind.Created));
        if (submit)
        {
            db.ObservationChanges.Add(ObservationForm.Change(observation, access.UserId, access.DisplayName, ObservationChangeKind.Submitted));
            await ObservationNotices.SubmittedAsync(db, observation, access, ct);
        }
        await db.SaveChangesAsync(ct);

        TempData["Message"] = submit
            ? "Observation enregistrée et soumise à la coordination. Merci !"
            : "Brouillon enregistré. Vous pourrez le compléter puis le soumettre.";
        return Redirect($"/observations/{observation.Id}");
    }
}
