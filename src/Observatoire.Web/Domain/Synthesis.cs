namespace Observatoire.Web.Domain;

/// <summary>
/// A generated PDF synthesis, kept as it was downloaded: its parameters, when and by whom it was made, the data
/// fingerprint (a SHA-256 of the rows it used) and the wiki revisions it quoted, so that anyone can later prove
/// which data it was built from and see when that data changed.
/// </summary>
public class Synthesis
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>Order within <see cref="Year"/>: SYN-2026-0007 is the seventh synthesis of 2026.</summary>
    public int Number { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>The normalized parameters as JSON (period, territory, theme, audience, surveys, experience reports).</summary>
    public required string Parameters { get; set; }
    public DateTime GeneratedAt { get; set; }
    public string? GeneratedById { get; set; }
    public AppUser? GeneratedBy { get; set; }
    /// <summary>Kept as text: the synthesis still says who made it after the account is gone.</summary>
    public required string GeneratedByName { get; set; }
    /// <summary>Lower-case hex SHA-256 of the canonical list of rows used.</summary>
    public required string Fingerprint { get; set; }
    public int[] WikiRevisionIds { get; set; } = [];
    /// <summary>
    /// Ids of the validated observations in its scope when it was generated, in id order, so that a comparison can say
    /// which entered or left since; null for a synthesis generated before they were kept.
    /// </summary>
    public int[]? ObservationIds { get; set; }
    /// <summary>The key figures and chart bars as printed (JSON); null for a synthesis generated before they were kept.</summary>
    public string? Figures { get; set; }
    public int PageCount { get; set; }
    /// <summary>The file exactly as first printed: a later download is the same file, byte for byte.</summary>
    public byte[] Pdf { get; set; } = [];
}
