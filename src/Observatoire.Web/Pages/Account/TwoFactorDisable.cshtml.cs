using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Pages.Account;

/// <summary>Turns two-factor authentication off, after the password; refused to staff while their role requires it.</summary>
[Authorize(Policy = Policies.Member)]
public class TwoFactorDisableModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Audit audit,
    IOptions<SecurityOptions> security) : PasswordConfirmedModel
{
    public bool Allowed => TwoFactorModel.MayTurnOff(User, security.Value);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Allowed) return Forbid();
        var (user, refused) = await ConfirmedUserAsync(users);
        if (user is null) return refused!;
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later enrolment starts from a new key: the old phone must not keep working.
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, user.DisplayName, null);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "La double authentification est désactivée.";
        return RedirectToPage("/Account/TwoFactor");
    }
}
