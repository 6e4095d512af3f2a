namespace Observatoire.Web.Domain;

public enum ImportStatus
{
    /// <summary>Uploaded, mapped and dry-run, not written yet: the file is kept (a day at most) for the next step.</summary>
    [Display(Name = "En préparation")] Draft,
    [Display(Name = "Importé")] Committed,
    [Display(Name = "Annulé")] Undone,
}

/// <summary>
/// One spreadsheet brought into the portal: the file itself while it is being prepared (kept in the database so that
/// every instance behind the load balancer sees it, deleted once committed or after a day), the columns mapping, the
/// latest dry run, and once committed what it did.
/// </summary>
public class ImportBatch
{
    public int Id { get; set; }
    /// <summary>The kind's slug (<c>structures</c>, <c>outils</c>…).</summary>
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    /// <summary>Hex SHA-256 of the file, in the audit log too.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    /// <summary>The file while it is a draft; null once committed, undone or expired.</summary>
    public byte[]? Content { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? UserId { get; set; }
    public AppUser? User { get; set; }
    public required string UserName { get; set; }
    public ImportStatus Status { get; set; }
    /// <summary>JSON: the column key chosen for each header of the file, in header order (null: ignored).</summary>
    public required string Mapping { get; set; }
    /// <summary>JSON: the latest dry run (counts, preview, the outcome and message of every line, missing values).</summary>
    public string? DryRun { get; set; }
    /// <summary>SHA-256 of the latest dry run's outcomes: the commit re-plans and refuses if it differs.</summary>
    public string? DryRunDigest { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Refused { get; set; }
    public DateTime? CommittedAt { get; set; }
    public DateTime? UndoneAt { get; set; }
    public List<ImportedRecord> Records { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>
/// A record an import created or changed, as it was before (null when created) and its xmin right after the import:
/// undoing is refused once any record's xmin differs, i.e. someone edited it since. Named by entity and id rather than a
/// foreign key, so one table serves every kind; a merge follows it (<c>ImportMergeFollower</c>).
/// </summary>
public class ImportedRecord
{
    public long Id { get; set; }
    public int BatchId { get; set; }
    public ImportBatch Batch { get; set; } = null!;
    /// <summary>The entity's CLR name (<c>Structure</c>, <c>DigitalTool</c>…).</summary>
    public required string Entity { get; set; }
    public int RecordId { get; set; }
    public bool Created { get; set; }
    /// <summary>JSON of the columns a user's edit writes, before the import; null when the import created the record.</summary>
    public string? Before { get; set; }
    /// <summary>The record's xmin once the import committed.</summary>
    public uint VersionAfter { get; set; }
}

/// <summary>An identifier a spreadsheet gives a record (« Identifiant » column): a later file with it updates the record.</summary>
public class ImportExternalId
{
    public required string Kind { get; set; }
    public required string ExternalId { get; set; }
    public required string Entity { get; set; }
    public int RecordId { get; set; }
}

/// <summary>The columns mapping last chosen for a kind on this instance, proposed for the next file.</summary>
public class ImportMapping
{
    public required string Kind { get; set; }
    /// <summary>JSON object: normalised header → column key.</summary>
    public required string Columns { get; set; }
    public DateTime UpdatedAt { get; set; }
}
