using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Account;

/// <summary>An invited person chooses the password of the account an administrator created for them.</summary>
[AllowAnonymous]
public class InvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "utilisateur")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();
    public string? DisplayName { get; private set; }
    public string? Email { get; private set; }
    public bool AlreadyAccepted { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Code)) return NotFound();
        (DisplayName, Email, AlreadyAccepted) = (user.DisplayName, user.Email, await users.HasPasswordAsync(user));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Code)) return NotFound();
        (DisplayName, Email) = (user.DisplayName, user.Email);
        if (await users.HasPasswordAsync(user))
        {
            AlreadyAccepted = true;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        // The invitation link carries a password-reset token: same expiry and single use as a reset.
        var result = await users.ResetPasswordAsync(user, Code, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.NewPassword" : "", e.Description);
            return Page();
        }
        user.EmailConfirmed = true;
        user.LastSignInAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Message"] = $"Bienvenue, {user.DisplayName} ! Votre compte est prêt.";
        return LocalRedirect("/compte");
    }
}
