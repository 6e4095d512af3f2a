namespace Observatoire.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public class AccountsModel(ObservatoireDbContext db) : PageModel
{
    public enum AccountState { Invited, Active, Locked }

    public record Row(string Id, string DisplayName, string Email, string[] Roles, string[] Structures, AccountState State, DateTime? LastSignInAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        Rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToArray(),
                u.Structures.OrderBy(s => s.Name).Select(s => s.Name).ToArray(),
                u.PasswordHash == null ? AccountState.Invited : u.LockoutEnd != null && u.LockoutEnd > now ? AccountState.Locked : AccountState.Active,
                u.LastSignInAt))
            .ToListAsync(ct);
    }

    public static string Label(AccountState s) => s switch
    {
        AccountState.Invited => "Invitation en attente",
        AccountState.Locked => "Verrouillé",
        _ => "Actif",
    };
}
