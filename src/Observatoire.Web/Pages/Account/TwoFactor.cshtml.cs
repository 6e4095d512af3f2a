using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Pages.Account;

/// <summary>State of two-factor authentication for my account; new recovery codes.</summary>
[Authorize(Policy = Policies.Member)]
public class TwoFactorModel(UserManager<AppUser> users, Audit audit, IOptions<SecurityOptions> security) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool MayDisable { get; private set; }
    /// <summary>Shown once, in the response to the POST that made them; only their hashes are stored.</summary>
    public IReadOnlyList<string>? NewCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        NewCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.RecoveryCodesRenewed, user.DisplayName, null);
        await Load(user);
        return Page();
    }

    private async Task Load(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        MayDisable = MayTurnOff(User, security.Value);
    }

    /// <summary>Staff may not turn off what their role requires.</summary>
    public static bool MayTurnOff(System.Security.Claims.ClaimsPrincipal user, SecurityOptions security) =>
        !(security.RequireTwoFactorForStaff && user.IsCoordination());
}
