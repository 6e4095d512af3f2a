namespace Observatoire.Web.Pages.Observations;

/// <summary>Log an observed usage: saved as a draft, or submitted to Coordination straight away.</summary>
[Authorize(Policy = Policies.Contributor)]
public class NewModel(ObservatoireDbContext db) : ObservationFormPage
{
    /// <param name="territoire">A territory's slug to preselect (« Observer ici » of /observations/a-observer), as theme and public.</param>
    public async Task OnGetAsync(string? territoire, string? theme, [FromQuery(Name = "public")] string? audience, CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        // The user's own structure and its territory are the most likely answers: preselect them.
        var own = await db.Structures.AsNoTracking().Where(s => access.StructureIds.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.TerritoryId }).FirstOrDefaultAsync(ct);
        // A slug not offered by the forms (unknown, retired) preselects nothing: the form offers its lists as usual.
        var territory = territoire is null ? null
            : await db.Territories.Where(t => t.Slug == territoire && t.RetiredAt == null).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var themeId = theme is null ? null
            : await db.Themes.Where(t => t.Slug == theme && t.RetiredAt == null).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var audienceId = audience is null ? null
            : await db.Audiences.Where(a => a.Slug == audience && a.RetiredAt == null).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        Input = new ObservationInput
        {
            ObservedOn = ParisTime.Today(DateTime.UtcNow),
            StructureId = own?.Id,
            TerritoryId = territory ?? own?.TerritoryId,
            ThemeIds = themeId is int th ? [th] : [],
            AudienceIds = audienceId is int a ? [a] : [],
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
