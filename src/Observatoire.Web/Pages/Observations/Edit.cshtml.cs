namespace Observatoire.Web.Pages.Observations;

/// <summary>
/// Edit an observation. The form carries the row version (xmin) it was drawn from; saving over a newer version shows
/// the other person's values beside the ones typed here, and only a second, deliberate save replaces them.
/// </summary>
[Authorize(Policy = Policies.Contributor)]
public class EditModel(ObservatoireDbContext db) : ObservationFormPage
{
    public int Id { get; private set; }
    public string OriginalTitle { get; private set; } = "";
    public ObservationStatus Status { get; private set; }

    /// <summary>Set when a save met a newer version: field, their value, your value.</summary>
    public List<FieldChange>? Conflict { get; private set; }
    public string? ConflictAuthor { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (observation, access, result) = await LoadForEdit(id, ct);
        if (observation is null) return result!;
        Input = ObservationInput.From(observation);
        Form = await ObservationForm.LoadAsync(db, access, Input, observation, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (observation, access, result) = await LoadForEdit(id, ct);
        if (observation is null) return result!;
        Form = await ObservationForm.LoadAsync(db, access, Input, observation, ct);
        await Form.ValidateAsync(db, Input, ModelState, ct);
        if (!ModelState.IsValid) return Page();

        var before = await ObservationForm.SnapshotAsync(db, observation, ct);
        // The version the user edited, not the one just read: EF compares it with xmin in the UPDATE.
        db.Entry(observation).Property(o => o.Version).OriginalValue = Input.Version;
        await ObservationForm.ApplyAsync(db, observation, Input, ct);
        var submit = Intent == "soumettre" && observation.Status == ObservationStatus.Draft;
        if (submit) observation.Status = ObservationStatus.Submitted;
        var after = await ObservationForm.SnapshotAsync(db, observation, ct);
        var changes = ObservationForm.Diff(before, after).Where(c => c.Field != "Statut").ToList();
        if (changes.Count > 0)
            db.ObservationChanges.Add(ObservationForm.Change(observation, access.UserId, access.DisplayName, ObservationChangeKind.Edited, changes));
        if (submit)
            db.ObservationChanges.Add(ObservationForm.Change(observation, access.UserId, access.DisplayName, ObservationChangeKind.Submitted,
                [new FieldChange { Field = "Statut", Before = ObservationStatus.Draft.Label(), After = ObservationStatus.Submitted.Label() }]));
        if (submit) await ObservationNotices.SubmittedAsync(db, observation, access, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflict(id, access, after, ct);
            return Page();
        }
        TempData["Message"] = submit ? "Modifications enregistrées et observation soumise à la coordination."
            : changes.Count > 0 ? "Modifications enregistrées." : "Aucune modification à enregistrer.";
        return Redirect($"/observations/{id}");
    }

    /// <summary>
    /// Reads the version saved meanwhile, lists where it differs from what was typed, and arms the form with the new
    /// version: the user's values stay in the form, so saving again is a deliberate choice to replace the other's.
    /// </summary>
    private async Task ShowConflict(int id, ObservationAccess access, Dictionary<string, string> yours, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.Observations.AsNoTracking().Include(o => o.Tools).Include(o => o.Themes).Include(o => o.Audiences)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (current is null)
        {
            ModelState.AddModelError("", "Cette observation a été supprimée entre-temps.");
            return;
        }
        var theirs = await ObservationForm.SnapshotAsync(db, current, ct);
        Conflict = theirs.Where(t => t.Key != "Statut" && yours.GetValueOrDefault(t.Key) != t.Value)
            .Select(t => new FieldChange { Field = t.Key, Before = t.Value, After = yours.GetValueOrDefault(t.Key) }).ToList();
        ConflictAuthor = await db.ObservationChanges.Where(c => c.ObservationId == id).OrderByDescending(c => c.At)
            .Select(c => c.UserName).FirstOrDefaultAsync(ct);
        Status = current.Status;
        CanSubmit = current.Status == ObservationStatus.Draft;
        if (!access.CanEdit(current.Status, current.StructureId, current.CreatedById))
        {
            ModelState.AddModelError("", "Entre-temps, cette observation a changé de statut : vous ne pouvez plus la modifier.");
            CanEdit = false;
        }
        Input.Version = current.Version;
        ModelState.Remove("Input.Version");
    }

    public bool CanEdit { get; private set; } = true;

    private async Task<(Observation?, ObservationAccess, IActionResult?)> LoadForEdit(int id, CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        var observation = await db.Observations.Include(o => o.Tools).Include(o => o.Themes).Include(o => o.Audiences)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (observation is null || !access.CanSee(observation.Status, observation.StructureId, observation.CreatedById))
            return (null, access, NotFound());
        if (!access.CanEdit(observation.Status, observation.StructureId, observation.CreatedById))
            return (null, access, Forbid());
        Id = id;
        OriginalTitle = observation.Title;
        Status = observation.Status;
        CanSubmit = observation.Status == ObservationStatus.Draft;
        return (observation, access, null);
    }
}
