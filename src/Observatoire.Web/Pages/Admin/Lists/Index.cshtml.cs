namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// The reference lists, with how many values each has; on an instance started empty, the button that loads the
/// starter set into the lists still empty, saying beforehand which lists it leaves as they are.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class IndexModel(ObservatoireDbContext db, Audit audit) : PageModel
{
    public sealed record Card(ReferenceList List, int InUse, int Retired, bool MayEdit);

    public IReadOnlyList<Card> Cards { get; private set; } = [];
    public IReadOnlyList<StarterSet.Outcome> Plan { get; private set; } = [];
    public bool IsAdministrator { get; private set; }
    /// <summary>Some list the forms need is empty: the starter set has something to load.</summary>
    public bool StarterUseful => Plan.Any(o => !o.Skipped && o.Essential);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Loads the starter set into the empty lists (administrators only); loading again changes nothing.</summary>
    public async Task<IActionResult> OnPostStarterAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Administrateur)) return Forbid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcomes = await StarterSet.LoadAsync(db, ct);
        var loaded = outcomes.Where(o => !o.Skipped).ToList();
        var skipped = outcomes.Where(o => o.Skipped).ToList();
        if (loaded.Count > 0)
            await audit.RecordAsync(AuditActions.StarterListsLoaded, "listes de départ", string.Join(" ; ", outcomes.Select(Describe)));
        await transaction.CommitAsync(ct);
        TempData["Message"] = loaded.Count == 0
            ? "Toutes les listes ont déjà des valeurs : rien n'a été chargé."
            : $"Listes de départ chargées : {string.Join(", ", loaded.Select(o => $"{o.Title} ({o.Added})"))}."
              + (skipped.Count == 0 ? "" : $" Laissées telles quelles, car déjà remplies : {string.Join(", ", skipped.Select(o => o.Title))}.");
        return Redirect("/admin/listes");
    }

    public static string Describe(StarterSet.Outcome o) => o.Skipped
        ? $"{o.Title} : déjà {o.Existing} valeur{(o.Existing > 1 ? "s" : "")}, laissée telle quelle"
        : $"{o.Title} : {o.Added} ajoutée{(o.Added > 1 ? "s" : "")}";

    private async Task LoadAsync(CancellationToken ct)
    {
        IsAdministrator = User.IsInRole(Roles.Administrateur);
        var cards = new List<Card>();
        foreach (var list in ReferenceLists.All)
        {
            var values = await list.ValuesAsync(db, ct);
            cards.Add(new Card(list, values.Count(v => !v.Retired), values.Count(v => v.Retired), list.MayEdit(User)));
        }
        Cards = cards;
        Plan = await StarterSet.PlanAsync(db, ct);
    }
}
