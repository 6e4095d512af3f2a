using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Account;

[Authorize(Policy = Policies.Member)]
public class IndexModel(ObservatoireDbContext db, UserManager<AppUser> users) : PageModel
{
    public record Profile(string DisplayName, string Email, string? Actor, string[] Structures, DateTime CreatedAt, DateTime? LastSignInAt);

    public Profile Me { get; private set; } = null!;
    public IList<string> MyRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = users.GetUserId(User);
        var me = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new Profile(u.DisplayName, u.Email!, u.Actor != null ? u.Actor.FullName : null,
                u.Structures.OrderBy(s => s.Name).Select(s => s.Name).ToArray(), u.CreatedAt, u.LastSignInAt))
            .FirstOrDefaultAsync(ct);
        if (me is null) return Challenge();
        Me = me;
        var user = await users.GetUserAsync(User);
        MyRoles = user is null ? [] : await users.GetRolesAsync(user);
        return Page();
    }
}
