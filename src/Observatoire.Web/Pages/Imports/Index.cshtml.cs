namespace Observatoire.Web.Pages.Imports;

/// <summary>The kinds of import the user may run, and the latest imports (their own; every one for administrators).</summary>
[Authorize(Policy = Policies.Coordination)]
public class IndexModel(ObservatoireDbContext db, ImportAccess access) : PageModel
{
    public record Row(int Id, string Kind, string FileName, string UserName, DateTime CreatedAt, ImportStatus Status,
        int Created, int Updated, int Unchanged, int Refused);

    public IReadOnlyList<ImportKind> Kinds { get; private set; } = [];
    /// <summary>The surveys whose paper questionnaires may be imported (« enquete-{id} », title).</summary>
    public IReadOnlyList<(string Slug, string Title)> Surveys { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kinds = await access.AllowedAsync(User);
        Surveys = await access.SurveysAsync(User, ct);
        var userId = User.UserId();
        var all = User.IsInRole(Roles.Administrateur);
        Rows = await db.ImportBatches.AsNoTracking().Where(b => all || b.UserId == userId)
            .OrderByDescending(b => b.CreatedAt).Take(50)
            .Select(b => new Row(b.Id, b.Kind, b.FileName, b.UserName, b.CreatedAt, b.Status, b.Created, b.Updated, b.Unchanged, b.Refused))
            .ToListAsync(ct);
    }
}
