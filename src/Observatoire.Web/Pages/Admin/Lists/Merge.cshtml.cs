using Observatoire.Web.Pages.Directory;
using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// Merges a list value into another, in two steps: choose the value to keep and read what will move (counted by
/// <see cref="RecordMerger"/> from the model's links), then confirm. Every link of the duplicate goes to the kept value
/// (observations, events, watch items, reports, survey answers…); the dashboard rollups follow through their triggers,
/// the syntheses' stored parameters and the old address through the merge followers; the duplicate is gone.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class MergeModel(ObservatoireDbContext db, RecordMerger merger, Audit audit) : MergePageModel(db, merger)
{
    public ReferenceList List { get; private set; } = null!;
    public ListValue Duplicate { get; private set; } = null!;
    public ListValue? Target { get; private set; }
    public IReadOnlyList<ListValue> Targets { get; private set; } = [];
    private IReadOnlyList<ListValue> _values = [];

    protected override (Type Type, int DuplicateId, int TargetId) Pair => (List.Type, Duplicate.Id, Target!.Id);

    public async Task<IActionResult> OnGetAsync(string list, string slug, CancellationToken ct)
    {
        if (!await LoadAsync(list, slug, ct)) return NotFound();
        if (Target is not null) await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string list, string slug, CancellationToken ct)
    {
        if (!await LoadAsync(list, slug, ct)) return NotFound();
        if (Target is null)
        {
            ModelState.AddModelError("cible", $"Choisissez le {List.One} à garder.");
            return Page();
        }
        return await MergeAsync(async () =>
        {
            if (List.OnObservations is not null && List.ObservationField is not null)
            {
                var who = await DirectoryHistory.AuthorAsync(Db, User, ct);
                await ObservationForm.RecordMergeAsync(Db, Db.Observations.Where(List.OnObservations(Duplicate.Id)), List.ObservationField,
                    who.UserId, who.Name, Duplicate.Name, Target.Name, "", ct);
            }
            var kept = (await List.FindAsync(Db, Target.Slug, ct))!;
            var described = kept.Description is null && Duplicate.Description is not null;
            kept.Description ??= Duplicate.Description;
            var report = await Merger.MergeAsync(List.Type, Duplicate.Id, Target.Id, ct);
            var changes = new List<ListChanges.Change>
            {
                new(AuditActions.ListValuesMerged, "Doublon fusionné", Duplicate.Name, Target.Name),
            };
            if (described) changes.Add(new(AuditActions.ListValueDescribed, "Description", null, Duplicate.Description));
            await new ListChanges(Db, audit).RecordAsync(List, User, Target.Id, Target.Name, DirectoryChangeKind.Merged, changes, ct);
            TempData["Message"] = $"« {Duplicate.Name} » a été fusionné dans « {Target.Name} » ({Links(report.Moved)}). "
                + $"Son ancienne adresse mène à « {Target.Name} ».";
            return Redirect($"/admin/listes/{List.Route}#valeur-{Target.Slug}");
        }, ct);
    }

    private async Task<bool> LoadAsync(string route, string slug, CancellationToken ct)
    {
        if (ReferenceLists.Find(route) is not { } list) return false;
        List = list;
        _values = ReferenceLists.Ordered(await list.ValuesAsync(Db, ct));
        if (_values.FirstOrDefault(v => v.Slug == slug) is not { } duplicate) return false;
        Duplicate = duplicate;
        Targets = _values.Where(v => v.Id != duplicate.Id).ToList();
        Target = Targets.FirstOrDefault(v => v.Id == TargetId);
        return true;
    }

    /// <summary>« Sanitas (Tours) », « Emploi (retiré) »: how the choice of the value to keep names each value.</summary>
    public string Label(ListValue v)
    {
        var parent = v.ParentId is int p ? _values.FirstOrDefault(x => x.Id == p)?.Name : null;
        return ReferenceValues.Of(parent is null ? v.Name : $"{v.Name} ({parent})", v.RetiredAt);
    }
}
