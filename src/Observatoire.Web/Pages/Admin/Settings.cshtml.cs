using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using Observatoire.Web.Data.Configurations;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Admin;

/// <summary>
/// The observatory's identity and public notices. The form carries the row version (xmin); saving over a newer version
/// shows the other values beside the ones typed here, and only a second save replaces them. Every save is audited.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class SettingsModel(ObservatoireDbContext db, Audit audit, ObservatorySettingsCache cache, IOutputCacheStore outputCache) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>Set when a save met a newer version: field, saved value, typed value.</summary>
    public List<FieldChange>? Conflict { get; private set; }
    public string? ConflictAuthor { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez le nom de l'observatoire.")]
        [StringLength(ObservatorySettingsConfiguration.NameLength, ErrorMessage = "Au plus 160 caractères.")]
        [Display(Name = "Nom de l'observatoire")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Donnez un nom court, affiché en tête de chaque page.")]
        [StringLength(ObservatorySettingsConfiguration.ShortNameLength, ErrorMessage = "Au plus 60 caractères.")]
        [Display(Name = "Nom court")]
        public string? ShortName { get; set; }

        [StringLength(ObservatorySettingsConfiguration.TerritoryLength, ErrorMessage = "Au plus 160 caractères.")]
        [Display(Name = "Territoire")]
        public string? Territory { get; set; }

        [StringLength(ObservatorySettingsConfiguration.DescriptionLength, ErrorMessage = "Au plus 400 caractères.")]
        [Display(Name = "Présentation")]
        public string? Description { get; set; }

        [EmailAddress(ErrorMessage = FrenchMessages.Email)]
        [StringLength(256, ErrorMessage = "Au plus 256 caractères.")]
        [Display(Name = "Adresse de contact")]
        public string? ContactEmail { get; set; }

        [StringLength(ObservatorySettingsConfiguration.IntroductionLength, ErrorMessage = "Au plus 4 000 caractères.")]
        [Display(Name = "Pourquoi observer ?")]
        public string? Introduction { get; set; }

        [StringLength(ObservatorySettingsConfiguration.NoticeLength, ErrorMessage = "Au plus 30 000 caractères.")]
        [Display(Name = "Mentions légales")]
        public string? LegalNotice { get; set; }

        [StringLength(ObservatorySettingsConfiguration.NoticeLength, ErrorMessage = "Au plus 30 000 caractères.")]
        [Display(Name = "Confidentialité")]
        public string? PrivacyNotice { get; set; }

        [StringLength(ObservatorySettingsConfiguration.NoticeLength, ErrorMessage = "Au plus 30 000 caractères.")]
        [Display(Name = "Déclaration d'accessibilité")]
        public string? AccessibilityStatement { get; set; }

        public uint Version { get; set; }

        public static InputModel From(ObservatorySettings s) => new()
        {
            Name = s.Name, ShortName = s.ShortName, Territory = s.Territory, Description = s.Description, ContactEmail = s.ContactEmail,
            Introduction = s.Introduction, LegalNotice = s.LegalNotice, PrivacyNotice = s.PrivacyNotice, AccessibilityStatement = s.AccessibilityStatement, Version = s.Version,
        };
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        Input = InputModel.From(await db.ObservatorySettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? SettingsTemplates.Defaults());

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var settings = await db.ObservatorySettings.SingleOrDefaultAsync(ct);
        var before = Fields(settings ?? SettingsTemplates.Defaults());
        if (settings is null)
            // Version 0: the form was drawn from the defaults; another administrator creating the row meanwhile
            // makes this insert fail on the key, shown as the same conflict.
            db.ObservatorySettings.Add(settings = SettingsTemplates.Defaults());
        else
            // The version the administrator edited, not the one just read: EF compares it with xmin in the UPDATE.
            db.Entry(settings).Property(s => s.Version).OriginalValue = Input.Version;
        Apply(settings);
        var after = Fields(settings);
        var changed = after.Where(f => before[f.Key] != f.Value).Select(f => f.Key).ToList();
        if (changed.Count == 0 && db.Entry(settings).State != EntityState.Added)
        {
            TempData["Message"] = "Aucune modification à enregistrer.";
            return RedirectToPage();
        }
        settings.UpdatedAt = DateTime.UtcNow;
        settings.UpdatedByName = User.FindFirstValue(ObservatoireClaims.DisplayName) ?? User.Identity?.Name;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditActions.SettingsChanged, "Paramètres de l'observatoire", Describe(changed, before, after));
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException
                                   || e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            await ShowConflict(after, ct);
            return Page();
        }
        cache.Forget();
        // Cached public pages carry the name in their layout.
        await outputCache.EvictByTagAsync(PublicPageCache.WikiTag, CancellationToken.None);
        TempData["Message"] = "Paramètres enregistrés.";
        return RedirectToPage();
    }

    /// <summary>What the form sets. A notice left empty goes back to its template.</summary>
    private void Apply(ObservatorySettings s)
    {
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        static string Notice(string? v, string template) => string.IsNullOrWhiteSpace(v) ? template : v.Trim().ReplaceLineEndings("\n");
        s.Name = Input.Name!.Trim();
        s.ShortName = Input.ShortName!.Trim();
        s.Territory = Clean(Input.Territory);
        s.Description = Clean(Input.Description)?.ReplaceLineEndings("\n");
        s.ContactEmail = Clean(Input.ContactEmail);
        s.Introduction = Notice(Input.Introduction, SettingsTemplates.Introduction);
        s.LegalNotice = Notice(Input.LegalNotice, SettingsTemplates.LegalNotice);
        s.PrivacyNotice = Notice(Input.PrivacyNotice, SettingsTemplates.PrivacyNotice);
        s.AccessibilityStatement = Notice(Input.AccessibilityStatement, SettingsTemplates.AccessibilityStatement);
    }

    /// <summary>Each field by its French label, in the form's order: the audit line and the conflict table read them.</summary>
    private static Dictionary<string, string> Fields(ObservatorySettings s) => new()
    {
        ["Nom de l'observatoire"] = s.Name,
        ["Nom court"] = s.ShortName,
        ["Territoire"] = s.Territory ?? "",
        ["Présentation"] = s.Description ?? "",
        ["Adresse de contact"] = s.ContactEmail ?? "",
        ["Pourquoi observer ?"] = s.Introduction,
        ["Mentions légales"] = s.LegalNotice,
        ["Confidentialité"] = s.PrivacyNotice,
        ["Déclaration d'accessibilité"] = s.AccessibilityStatement,
    };

    /// <summary>Short fields with their old and new values; the notices by name only (the audit line has 2,000 characters).</summary>
    private static string Describe(List<string> changed, Dictionary<string, string> before, Dictionary<string, string> after) =>
        changed.Count == 0 ? "modèles enregistrés tels quels"
        : string.Join(" ; ", changed.Select(f => after[f].Length > 200 || before[f].Length > 200 ? $"{f} : texte modifié" : $"{f} : « {before[f]} » → « {after[f]} »"));

    /// <summary>
    /// Reads the version saved meanwhile, lists where it differs from what was typed, and arms the form with that
    /// version: the typed values stay in the form, so saving again is a deliberate choice to replace the other's.
    /// </summary>
    private async Task ShowConflict(Dictionary<string, string> yours, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.ObservatorySettings.AsNoTracking().SingleAsync(ct);
        var theirs = Fields(current);
        Conflict = theirs.Where(t => yours[t.Key] != t.Value)
            .Select(t => new FieldChange { Field = t.Key, Before = t.Value, After = yours[t.Key] }).ToList();
        ConflictAuthor = current.UpdatedByName;
        Input.Version = current.Version;
        ModelState.Remove("Input.Version");
    }
}
