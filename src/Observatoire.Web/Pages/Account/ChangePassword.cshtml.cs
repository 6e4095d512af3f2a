using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Account;

[Authorize(Policy = Policies.Member)]
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Audit audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe actuel")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword)
                    : e.Code.StartsWith("Password") ? "Input.NewPassword" : "", e.Description);
            return Page();
        }
        await audit.RecordAsync(AuditActions.PasswordChanged, user.DisplayName, null);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Votre mot de passe est changé.";
        return RedirectToPage("/Account/Index");
    }
}
