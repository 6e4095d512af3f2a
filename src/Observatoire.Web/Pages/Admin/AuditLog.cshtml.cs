namespace Observatoire.Web.Pages.Admin;

/// <summary>The audit log, newest first, filtered by action, person and period.</summary>
[Authorize(Policy = Policies.Admin)]
public class AuditLogModel(ObservatoireDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")] [StringLength(40, ErrorMessage = "40 caractères au plus.")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "personne")] [StringLength(160, ErrorMessage = "160 caractères au plus.")] [Display(Name = "Personne ou cible")] public string? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = "du")] [Display(Name = "Du")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] [Display(Name = "Au")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public record Row(DateTime At, string? UserName, string Action, string? Target, string? Details);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Modules record their own actions: offer every action present, next to the known ones.
        Actions = AuditActions.All.Union(await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(ct))
            .OrderBy(AuditActions.Label, French.Order).ToList();
        if (!ModelState.IsValid) return;

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action)) query = query.Where(a => a.Action == Action);
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var pattern = "%" + Person.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(a => EF.Functions.ILike(a.UserName ?? "", pattern) || EF.Functions.ILike(a.Target ?? "", pattern));
        }
        // Days are French days: the log stores UTC.
        if (From is { } from) { var start = ParisMidnightUtc(from); query = query.Where(a => a.At >= start); }
        if (To is { } to) { var end = ParisMidnightUtc(to.AddDays(1)); query = query.Where(a => a.At < end); }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.At, a.UserName, a.Action, a.Target, a.Details))
            .ToListAsync(ct);
    }

    /// <summary>The query string of this page with another page number, for the pager links.</summary>
    public string Link(int page)
    {
        var q = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) q.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("action", Action);
        Add("personne", Person);
        Add("du", From?.ToString("yyyy-MM-dd"));
        Add("au", To?.ToString("yyyy-MM-dd"));
        if (page > 1) q.Add($"p={page}");
        return "/admin/journal" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }

    // Midnight always exists in Paris: the clocks change at 2 h and 3 h.
    private static DateTime ParisMidnightUtc(DateOnly day) => ParisTime.ToUtc(day, TimeOnly.MinValue)!.Value;
}
