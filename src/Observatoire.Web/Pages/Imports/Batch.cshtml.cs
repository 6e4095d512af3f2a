using System.Text.Json;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// One import, step by step: the columns mapping (corrected here, remembered for the kind), the first lines as they
/// will be stored, the dry run line by line, the missing list values an administrator may create with it, the commit
/// in one transaction, the report, and the undo.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class BatchModel(ObservatoireDbContext db, ImportAccess access, ImportPipeline pipeline, Audit audit, TimeProvider clock) : PageModel
{
    /// <summary>Lines the page lists; the report has them all.</summary>
    public const int ShownLines = 200;

    public ImportBatch Batch { get; private set; } = null!;
    public ImportKind Kind { get; private set; } = null!;
    public DryRun? Run { get; private set; }
    public IReadOnlyList<string> Header { get; private set; } = [];
    public string?[] Mapping { get; private set; } = [];
    public bool CanCreateMissing { get; private set; }
    /// <summary>A problem of the last action, shown above everything.</summary>
    public string? Error { get; private set; }

    [BindProperty] public List<string?> Columns { get; set; } = [];
    /// <summary>Missing values ticked for creation, as « list|name ».</summary>
    [BindProperty] public List<string> Create { get; set; } = [];
    [BindProperty] public bool SkipRefused { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>A corrected mapping: saved on the import, remembered for the kind, and the dry run made again.</summary>
    public async Task<IActionResult> OnPostColumnsAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Batch.Status != ImportStatus.Draft) return Redirect($"/import/lots/{id}");
        var keys = Kind.Columns.Select(c => c.Key).ToHashSet();
        var chosen = Header.Select((_, i) => i < Columns.Count && Columns[i] is { } k && keys.Contains(k) ? k : null).ToArray();
        var twice = chosen.OfType<string>().GroupBy(k => k).Where(g => g.Count() > 1)
            .Select(g => $"« {Kind.Columns.First(c => c.Key == g.Key).Label} »").ToList();
        if (twice.Count > 0)
        {
            Error = $"Une seule colonne du fichier peut aller dans {string.Join(", ", twice)} : choisissez-en une.";
            Mapping = chosen;
            return Page();
        }
        Batch.Mapping = ImportPipeline.WriteMapping(chosen);
        await RememberAsync(chosen, ct);
        ImportPages.Store(Batch, await pipeline.PlanAsync(Batch, Kind, User, Run?.CreateMissing ?? [], ct));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Association des colonnes enregistrée : la vérification a été refaite.";
        return Redirect($"/import/lots/{id}");
    }

    /// <summary>The missing values an administrator ticked: created with the import, so the dry run is made again with them.</summary>
    public async Task<IActionResult> OnPostValuesAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!CanCreateMissing) return Forbid();
        if (Batch.Status != ImportStatus.Draft || Run is null) return Redirect($"/import/lots/{id}");
        var offered = Run.Missing.Concat(Run.CreateMissing).ToHashSet();
        var ticked = Create.Select(Parse).Where(offered.Contains).ToList();
        ImportPages.Store(Batch, await pipeline.PlanAsync(Batch, Kind, User, ticked, ct));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Vérification refaite avec les valeurs à créer.";
        return Redirect($"/import/lots/{id}");
    }

    /// <summary>
    /// Writes the import in one transaction, after planning it again inside: if the data changed since the dry run
    /// and a line's outcome differs, nothing is written and the new dry run is shown.
    /// </summary>
    public async Task<IActionResult> OnPostCommitAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Batch.Status != ImportStatus.Draft || Run is null) return Redirect($"/import/lots/{id}");
        if (Run.Problem is not null) return Refuse(Run.Problem);
        if (Run.Refused > 0 && !SkipRefused)
            return Refuse($"{RefusedLines(Run.Refused)} : corrigez le fichier et envoyez-le à nouveau, ou cochez « Ignorer les lignes refusées ».");
        if (Run.Created + Run.Updated + Run.Unchanged == 0) return Refuse("Aucune ligne à importer.");

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locked for the transaction: a second click, or the same import on another instance, waits and then finds it done.
        var batch = (await db.ImportBatches.FromSql($"""SELECT *, xmin FROM "ImportBatches" WHERE "Id" = {id} FOR UPDATE""").ToListAsync(ct)).Single();
        if (batch.Status != ImportStatus.Draft) return Redirect($"/import/lots/{id}");
        var run = await pipeline.ApplyAsync(batch, Kind, User, Run.CreateMissing, ct);
        if (run.Digest != batch.DryRunDigest)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var fresh = await db.ImportBatches.SingleAsync(b => b.Id == id, ct);
            ImportPages.Store(fresh, await pipeline.PlanAsync(fresh, Kind, User, Run.CreateMissing, ct));
            await db.SaveChangesAsync(ct);
            TempData["Error"] = "Les données ont changé depuis la vérification : rien n'a été importé. Voici la nouvelle vérification ; importez à nouveau si elle vous convient.";
            return Redirect($"/import/lots/{id}");
        }
        batch.Status = ImportStatus.Committed;
        batch.CommittedAt = clock.GetUtcNow().UtcDateTime;
        batch.Content = null;
        ImportPages.Store(batch, run);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Import, $"import n° {id} ({Kind.Name.ToLower(French.Culture)})",
            $"Fichier « {batch.FileName} », SHA-256 {batch.Sha256} : {ImportPages.Counts(run.Created, run.Updated, run.Unchanged, run.Refused)}.");
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Import terminé : {ImportPages.Counts(run.Created, run.Updated, run.Unchanged, run.Refused)}.";
        return Redirect($"/import/lots/{id}");
    }

    /// <summary>« Annuler cet import », refused with the reason once a record it wrote has been edited since.</summary>
    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Batch.Status != ImportStatus.Committed) return Redirect($"/import/lots/{id}");
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = (await db.ImportBatches.FromSql($"""SELECT *, xmin FROM "ImportBatches" WHERE "Id" = {id} FOR UPDATE""").ToListAsync(ct)).Single();
        if (batch.Status != ImportStatus.Committed) return Redirect($"/import/lots/{id}");
        if (await ImportUndo.RunAsync(db, id, ct) is { } refusal)
        {
            await tx.RollbackAsync(ct);
            TempData["Error"] = refusal;
            return Redirect($"/import/lots/{id}");
        }
        batch.Status = ImportStatus.Undone;
        batch.UndoneAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.ImportUndone, $"import n° {id} ({Kind.Name.ToLower(French.Culture)})",
            $"Fichier « {batch.FileName} », SHA-256 {batch.Sha256}.");
        await tx.CommitAsync(ct);
        TempData["Message"] = "Import annulé : ce qu'il avait créé est supprimé, ce qu'il avait modifié est rétabli.";
        return Redirect($"/import/lots/{id}");
    }

    /// <summary>The report: every line kept with its outcome and message.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, string? format, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var rows = (Run?.Lines ?? []).Select(l => new string?[] { l.Line.ToString(CultureInfo.InvariantCulture), l.Outcome.Label(), l.Message });
        if (Run?.Problem is { } problem) rows = [["", "refusée", problem]];
        return ImportPages.Table(format, $"rapport-import-{id}", "Rapport", ["Ligne", "Résultat", "Message"], rows);
    }

    private IActionResult Refuse(string message)
    {
        Error = message;
        return Page();
    }

    private static string RefusedLines(int n) => n == 1 ? "1 ligne est refusée" : $"{n.ToString("N0", French.Culture)} lignes sont refusées";

    private static MissingValue Parse(string ticked) =>
        ticked.Split('|', 2) is [var list, var name] ? new MissingValue(list, name) : new MissingValue("", ticked);

    /// <summary>The mapping proposed next time for this kind, whoever imports: by normalised header.</summary>
    private async Task RememberAsync(string?[] chosen, CancellationToken ct)
    {
        var remembered = await db.ImportMappings.FirstOrDefaultAsync(m => m.Kind == Kind.Slug, ct);
        var columns = remembered is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(remembered.Columns) ?? [];
        for (var i = 0; i < Header.Count; i++)
            if (chosen[i] is { } key) columns[TextKey.Of(Header[i])] = key;
            else columns.Remove(TextKey.Of(Header[i]));
        var json = JsonSerializer.Serialize(columns);
        if (remembered is null) db.ImportMappings.Add(new ImportMapping { Kind = Kind.Slug, Columns = json, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        else (remembered.Columns, remembered.UpdatedAt) = (json, clock.GetUtcNow().UtcDateTime);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return NotFound();
        if (!ImportAccess.MaySee(User, batch) || await access.FindAsync(batch.Kind, ct) is not { } kind || !await access.MayImportAsync(User, kind)) return Forbid();
        (Batch, Kind) = (batch, kind);
        Run = ImportPipeline.ReadDryRun(batch);
        Mapping = ImportPipeline.ReadMapping(batch);
        if (batch.Content is not null) Header = ImportPipeline.Header(batch).Header;
        CanCreateMissing = kind.CanCreateMissing(User);
        return null;
    }
}
