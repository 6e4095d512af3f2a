using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Observatoire.Web.Pages.Account;

/// <summary>Sets a new password from an e-mailed reset link.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PasswordReset)]
public class ResetPasswordModel(UserManager<AppUser> users, Audit audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "utilisateur")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public IActionResult OnGet() => string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || Code is null)
        {
            ModelState.AddModelError("", "Ce lien n'est plus valable. Demandez un nouveau lien depuis « Mot de passe oublié ».");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Code, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.NewPassword" : "", e.Description);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordForAsync(user, AuditActions.PasswordReset, user.Email, "lien envoyé par courriel");
        TempData["Message"] = "Votre mot de passe est changé. Vous pouvez vous connecter.";
        return RedirectToPage("/Account/SignIn");
    }
}
