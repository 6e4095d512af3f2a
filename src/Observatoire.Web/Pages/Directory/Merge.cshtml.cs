using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Directory;

/// <summary>
/// Merges a duplicate tool, structure or territory into the record kept, in two steps: choose the record to keep and
/// read what will move (counted by <see cref="RecordMerger"/> from the model's links), then confirm. The duplicate's
/// blanks fill the kept record's, its history joins the kept record's, its address redirects there, and it is gone.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class MergeModel(ObservatoireDbContext db, RecordMerger merger, Audit audit) : MergePageModel(db, merger)
{
    public Kind Of { get; private set; } = null!;
    public Record Duplicate { get; private set; } = null!;
    public Record? Target { get; private set; }
    public IReadOnlyList<Record> Targets { get; private set; } = [];

    protected override (Type Type, int DuplicateId, int TargetId) Pair => (Of.Type, Duplicate.Id, Target!.Id);

    /// <summary>Init properties rather than a positional record: EF Core filters on a member-initialised projection.</summary>
    public sealed record Record
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public required string Slug { get; init; }
    }

    /// <summary>What differs between the kinds of record: route, words, the record's table and its history.</summary>
    public sealed record Kind(string Route, Type Type, DirectoryRecordKind History, string Article, string Feminine);

    private static readonly Dictionary<string, Kind> Kinds = new()
    {
        ["outils"] = new("outils", typeof(DigitalTool), DirectoryRecordKind.Tool, "l'outil", ""),
        ["structures"] = new("structures", typeof(Structure), DirectoryRecordKind.Structure, "la structure", "e"),
        ["territoires"] = new("territoires", typeof(Territory), DirectoryRecordKind.Territory, "le territoire", ""),
    };

    public async Task<IActionResult> OnGetAsync(string kind, string slug, CancellationToken ct)
    {
        if (!await LoadAsync(kind, slug, ct)) return NotFound();
        if (Target is not null) await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, string slug, CancellationToken ct)
    {
        if (!await LoadAsync(kind, slug, ct)) return NotFound();
        if (Target is null)
        {
            ModelState.AddModelError("cible", $"Choisissez {Of.Article} à garder.");
            return Page();
        }
        var who = await DirectoryHistory.AuthorAsync(Db, User, ct);
        return await MergeAsync(async () =>
        {
            var moved = Of.Type == typeof(DigitalTool) ? await MergeToolAsync(who, ct)
                : Of.Type == typeof(Structure) ? await MergeStructureAsync(who, ct)
                : await MergeTerritoryAsync(who, ct);
            TempData["Message"] = $"« {Duplicate.Name} » a été fusionné{Of.Feminine} dans « {Target.Name} » ({Links(moved)}). "
                + "Son ancienne adresse mène ici.";
            return Redirect($"/annuaire/{Of.Route}/{Target.Slug}");
        }, ct);
    }

    private async Task<bool> LoadAsync(string kind, string slug, CancellationToken ct)
    {
        if (!Kinds.TryGetValue(kind, out var of)) return false;
        Of = of;
        var records = Records(of);
        var duplicate = await records.FirstOrDefaultAsync(r => r.Slug == slug, ct);
        if (duplicate is null) return false;
        Duplicate = duplicate;
        Targets = await records.Where(r => r.Id != duplicate.Id).ToListAsync(ct);
        Targets = [.. Targets.OrderBy(r => r.Name, French.Order)];
        Target = Targets.FirstOrDefault(r => r.Id == TargetId);
        return true;
    }

    private IQueryable<Record> Records(Kind of) =>
        of.Type == typeof(DigitalTool) ? Db.DigitalTools.AsNoTracking().Select(t => new Record { Id = t.Id, Name = t.Name, Slug = t.Slug })
        : of.Type == typeof(Structure) ? Db.Structures.AsNoTracking().Select(s => new Record { Id = s.Id, Name = s.Name, Slug = s.Slug })
        : Db.Territories.AsNoTracking().Select(t => new Record { Id = t.Id, Name = Territory.Label(t.Name, t.Parent == null ? null : t.Parent.Name), Slug = t.Slug });

    private async Task<int> MergeToolAsync(DirectoryHistory.Author who, CancellationToken ct)
    {
        var source = await Db.DigitalTools.SingleAsync(t => t.Id == Duplicate.Id, ct);
        var target = await Db.DigitalTools.SingleAsync(t => t.Id == Target!.Id, ct);
        // Each observation says, in its own history, which writing of the tool it lost.
        foreach (var o in await Db.Observations.Include(o => o.Tools).Where(o => o.Tools.Any(t => t.Id == source.Id)).ToListAsync(ct))
        {
            var before = string.Join(", ", o.Tools.Select(t => t.Name).Order(French.Order));
            var after = string.Join(", ", o.Tools.Select(t => t.Id == source.Id ? target.Name : t.Name).Distinct().Order(French.Order));
            Db.ObservationChanges.Add(ObservationForm.Change(o, who.UserId, who.Name, ObservationChangeKind.Merged,
                [new FieldChange { Field = "Outils", Before = before, After = after }], $"« {source.Name} » fusionné dans « {target.Name} »."));
        }
        var kept = await DirectoryHistory.SnapshotAsync(Db, target, ct);
        target.CategoryId ??= source.CategoryId;
        target.LicenceId ??= source.LicenceId;
        target.Description ??= source.Description;
        target.Website ??= source.Website;
        RecordMerged(who, target.Id, DirectoryHistory.Diff(kept, await DirectoryHistory.SnapshotAsync(Db, target, ct)));
        return (await Merger.MergeAsync<DigitalTool>(source.Id, target.Id, ct)).Moved;
    }

    private async Task<int> MergeStructureAsync(DirectoryHistory.Author who, CancellationToken ct)
    {
        var source = await Db.Structures.SingleAsync(s => s.Id == Duplicate.Id, ct);
        var target = await Db.Structures.SingleAsync(s => s.Id == Target!.Id, ct);
        await ObservationForm.RecordMergeAsync(Db, Db.Observations.Where(o => o.StructureId == source.Id), "Structure", who.UserId, who.Name,
            Duplicate.Name, Target!.Name, Of.Feminine, ct);
        // Each person's page says where their membership went (the kept structure's role wins when both held one).
        var memberships = await Db.StructureMemberships.Where(m => m.StructureId == source.Id || m.StructureId == target.Id).ToListAsync(ct);
        foreach (var m in memberships.Where(m => m.StructureId == source.Id))
        {
            var keptRole = memberships.FirstOrDefault(k => k.StructureId == target.Id && k.ActorId == m.ActorId)?.Role ?? m.Role;
            DirectoryHistory.Record(Db, who, DirectoryRecordKind.Actor, m.ActorId, DirectoryChangeKind.Merged,
                [new("Rattachement", DirectoryHistory.Membership(source.Name, m.Role), DirectoryHistory.Membership(target.Name, keptRole))]);
        }
        var kept = await DirectoryHistory.SnapshotAsync(Db, target, ct);
        target.Description ??= source.Description;
        target.Website ??= source.Website;
        target.Email ??= source.Email;
        target.Address ??= source.Address;
        target.TerritoryId ??= source.TerritoryId;
        target.KindId ??= source.KindId;
        RecordMerged(who, target.Id, DirectoryHistory.Diff(kept, await DirectoryHistory.SnapshotAsync(Db, target, ct)));
        return (await Merger.MergeAsync<Structure>(source.Id, target.Id, ct)).Moved;
    }

    private async Task<int> MergeTerritoryAsync(DirectoryHistory.Author who, CancellationToken ct)
    {
        var source = await Db.Territories.SingleAsync(t => t.Id == Duplicate.Id, ct);
        var target = await Db.Territories.SingleAsync(t => t.Id == Target!.Id, ct);
        await ObservationForm.RecordMergeAsync(Db, Db.Observations.Where(o => o.TerritoryId == source.Id), "Territoire", who.UserId, who.Name,
            Duplicate.Name, Target!.Name, Of.Feminine, ct);
        var kept = await DirectoryHistory.SnapshotAsync(Db, target, ct);
        target.Description ??= source.Description;
        RecordMerged(who, target.Id, DirectoryHistory.Diff(kept, await DirectoryHistory.SnapshotAsync(Db, target, ct)));
        var moved = (await Merger.MergeAsync<Territory>(source.Id, target.Id, ct)).Moved;
        // Territories are also a reference list: their merges are in the audit log, wherever they are made.
        await audit.RecordAsync(AuditActions.ListValuesMerged, $"territoire « {target.Name} »",
            $"Doublon fusionné : « {source.Name} » → « {target.Name} »");
        return moved;
    }

    /// <summary>On the kept record: the duplicate it absorbed, then the blanks the duplicate filled.</summary>
    private void RecordMerged(DirectoryHistory.Author who, int keptId, IEnumerable<DirectoryHistory.Field> filled) =>
        DirectoryHistory.Record(Db, who, Of.History, keptId, DirectoryChangeKind.Merged,
            [new("Doublon fusionné", Duplicate.Name, Target!.Name), .. filled]);
}
