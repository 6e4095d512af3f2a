namespace Observatoire.Web.Pages.Observations;

/// <summary>Who changed what and when on one observation, newest first.</summary>
[Authorize(Policy = Policies.Member)]
public class HistoryModel(ObservatoireDbContext db) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public record Entry(DateTime At, string UserName, ObservationChangeKind Kind, string? Comment, List<FieldChange> Changes);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        var title = await access.Visible(db.Observations.AsNoTracking()).Where(o => o.Id == id).Select(o => o.Title)
            .FirstOrDefaultAsync(ct);
        if (title is null) return NotFound();
        Id = id;
        Title = title;
        Entries = await db.ObservationChanges.AsNoTracking().Where(c => c.ObservationId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new Entry(c.At, c.UserName, c.Kind, c.Comment, c.Changes)).ToListAsync(ct);
        return Page();
    }
}
