namespace Observatoire.Web.Pages;

/// <summary>
/// The two steps every merge page shares (the directory's records, the reference lists' values): the record to keep is
/// chosen and the confirmation reads what will move, counted by <see cref="RecordMerger"/> from the model's links; the
/// merge then runs in one transaction, and a merge the merger refuses comes back to the page with its reason.
/// </summary>
public abstract class MergePageModel(ObservatoireDbContext db, RecordMerger merger) : PageModel
{
    /// <summary>Chosen in the first step, then carried by the confirmation form.</summary>
    [BindProperty(SupportsGet = true, Name = "cible")] public int? TargetId { get; set; }

    protected ObservatoireDbContext Db { get; } = db;
    protected RecordMerger Merger { get; } = merger;

    public IReadOnlyList<(string Label, int Count)> Moves { get; private set; } = [];
    public int AlreadyLinked { get; private set; }

    /// <summary>The entity type merged, and the two records' ids once loaded.</summary>
    protected abstract (Type Type, int DuplicateId, int TargetId) Pair { get; }

    /// <summary>The counts of the confirmation, from the same links the merge moves.</summary>
    protected async Task PreviewAsync(CancellationToken ct)
    {
        try
        {
            var (type, duplicateId, targetId) = Pair;
            var report = await Merger.PreviewAsync(type, duplicateId, targetId, ct);
            Moves = MergeMoves.Of(report);
            AlreadyLinked = report.AlreadyLinked;
        }
        catch (RecordMerger.RefusedException refused)
        {
            ModelState.AddModelError("cible", refused.Message);
        }
    }

    /// <summary>Runs <paramref name="merge"/> in one transaction and commits it; a refusal rolls everything back and
    /// shows the page again with its reason and the counts.</summary>
    protected async Task<IActionResult> MergeAsync(Func<Task<IActionResult>> merge, CancellationToken ct)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await merge();
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (RecordMerger.RefusedException refused)
        {
            await transaction.RollbackAsync(ct);
            Db.ChangeTracker.Clear();
            ModelState.AddModelError("cible", refused.Message);
            await PreviewAsync(ct);
            return Page();
        }
    }

    /// <summary>« 3 liens rattachés »: the count of the success message.</summary>
    protected static string Links(int moved) => $"{moved} lien{(moved > 1 ? "s" : "")} rattaché{(moved > 1 ? "s" : "")}";
}
