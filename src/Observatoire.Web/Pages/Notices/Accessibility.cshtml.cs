namespace Observatoire.Web.Pages.Notices;

/// <summary>
/// The RGAA accessibility statement: its status, what the automated tests check, what is known not to conform, its date and
/// a contact come from <see cref="AccessibilityChecks"/> (what the crawler verifies), so that it states nothing the tests do
/// not check; the administrator's text (scope, audit results, remedies) follows from the settings.
/// </summary>
public class AccessibilityModel(ObservatorySettingsCache settings, ObservatoireDbContext db) : PageModel
{
    public Observatory Observatory { get; private set; } = null!;

    /// <summary>Where to write: the observatory's contact, else the administrators' addresses.</summary>
    public IReadOnlyList<string> Contacts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Observatory = await settings.GetAsync(ct);
        Contacts = Observatory.ContactEmail is { } contact ? [contact]
            : await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrateur))
                .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u.Email)
                .Where(e => e != null).Select(e => e!).Distinct().OrderBy(e => e).ToListAsync(ct);
    }

    /// <summary>« visiteur sans compte », « Contributeur »…: the visitors the crawler signs in as.</summary>
    public static IEnumerable<string> VisitorNames =>
        AccessibilityChecks.Visitors.Select(v => v is null ? "visiteur sans compte" : Roles.Label(v));
}
