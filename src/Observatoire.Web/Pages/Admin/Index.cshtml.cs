namespace Observatoire.Web.Pages.Admin;

/// <summary>The admin home; on a new instance it lists the first steps, each ticked once done.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public record Step(string Title, string Href, string Text, bool Done);

    public IReadOnlyList<Step> FirstSteps { get; private set; } = [];

    /// <summary>What the search's dictionary lacks, said to the administrator (null when it is in use).</summary>
    public string? SearchWarning { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SearchWarning = await Search.SearchDictionary.StateAsync(db, ct) switch
        {
            Search.SearchDictionary.State.NotInstalled => Search.SearchDictionary.NotInstalledMessage,
            Search.SearchDictionary.State.FilesMissing => Search.SearchDictionary.FilesMissingMessage,
            _ => null,
        };
        var settings = await db.ObservatorySettings.AsNoTracking()
            .Select(s => new { s.LegalNotice, s.PrivacyNotice, s.AccessibilityStatement }).SingleOrDefaultAsync(ct);
        string[]? notices = settings is null ? null : [settings.LegalNotice, settings.PrivacyNotice, settings.AccessibilityStatement];
        FirstSteps =
        [
            new("Charger les listes de départ", "/admin/listes",
                "Thèmes, publics, catégories d'outils, licences, types de structures, communes et quartiers : sans eux, aucune observation ne peut être saisie.",
                // Done when no list a form needs is empty: the lists page's own rule (StarterSet.PlanAsync).
                !(await StarterSet.PlanAsync(db, ct)).Any(o => o.Essential && !o.Skipped)),
            new("Compléter les textes publics", "/admin/parametres",
                "Mentions légales, confidentialité et déclaration d'accessibilité : remplacez chaque « [à compléter : …] » des modèles.",
                notices is not null && !notices.Any(n => n.Contains(SettingsTemplates.ToComplete, StringComparison.Ordinal))),
            new("Inviter les premières personnes", "/admin/comptes/inviter",
                "La coordination, puis les contributeurs des structures et les partenaires.",
                await db.Users.CountAsync(ct) > 1),
        ];
    }
}
