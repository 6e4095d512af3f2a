namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// « Mon compte › Notifications »: for each kind my roles receive, how it reaches me by mail — at once, in the daily or
/// weekly digest, or never (the notice stays in the centre). Without a choice of mine, my role's default applies.
/// </summary>
[Authorize(Policy = Policies.Member)]
public class PreferencesModel(ObservatoireDbContext db) : PageModel
{
    public record Choice(NotificationKind Kind, NotificationDelivery Delivery, bool IsDefault);

    public IReadOnlyList<Choice> Choices { get; private set; } = [];

    /// <summary>The posted choice per kind (<c>Choix[WikiPageChanged]=Daily</c>).</summary>
    [BindProperty(Name = "Choix")] public Dictionary<NotificationKind, NotificationDelivery> Posted { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Choices = await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.UserId()!;
        var allowed = Kinds();
        if (!ModelState.IsValid || Posted.Keys.Any(k => !allowed.Contains(k)) || Posted.Values.Any(v => !Enum.IsDefined(v)))
        {
            ModelState.AddModelError("", "Ce choix n'est pas proposé : choisissez une des options de la liste.");
            Choices = await LoadAsync(ct);
            return Page();
        }
        var mine = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, delivery) in Posted)
        {
            if (mine.TryGetValue(kind, out var existing)) existing.Delivery = delivery;
            else db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery });
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Vos choix de notifications sont enregistrés.";
        return Redirect(NotificationMailer.PreferencesPath);
    }

    private IReadOnlyList<NotificationKind> Kinds() => NotificationDefaults.KindsFor(Roles.All.Where(User.IsInRole).ToList());

    private async Task<IReadOnlyList<Choice>> LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var mine = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return Kinds().Select(k => mine.TryGetValue(k, out var d) ? new Choice(k, d, false) : new Choice(k, NotificationDefaults.For(k), true)).ToList();
    }
}
