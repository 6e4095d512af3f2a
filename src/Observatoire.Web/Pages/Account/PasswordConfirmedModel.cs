using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Account;

/// <summary>
/// A page that asks for the password again before an irreversible change to one's own account (deleting it, turning
/// two-factor authentication off), so that a session left open is not enough to make it.
/// </summary>
public abstract class PasswordConfirmedModel : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string Password { get; set; } = "";

    /// <summary>The signed-in account once its password is confirmed; otherwise the result to return instead.</summary>
    protected async Task<(AppUser? User, IActionResult? Refused)> ConfirmedUserAsync(UserManager<AppUser> users)
    {
        if (!ModelState.IsValid) return (null, Page());
        var user = await users.GetUserAsync(User);
        if (user is null) return (null, Challenge());
        if (await users.CheckPasswordAsync(user, Password)) return (user, null);
        ModelState.AddModelError(nameof(Password), "Mot de passe incorrect.");
        return (null, Page());
    }
}
