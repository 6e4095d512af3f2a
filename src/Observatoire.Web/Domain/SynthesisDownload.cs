namespace Observatoire.Web.Domain;

/// <summary>
/// A member who downloaded a stored synthesis, once per person (the first time): they are told when its data changed
/// since (« données modifiées depuis »). Gone with the account or the synthesis.
/// </summary>
public class SynthesisDownload
{
    public int SynthesisId { get; set; }
    public Synthesis Synthesis { get; set; } = null!;
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public DateTime DownloadedAt { get; set; }
}
