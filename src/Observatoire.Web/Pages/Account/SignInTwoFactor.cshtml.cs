using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Observatoire.Web.Pages.Account;

/// <summary>Second sign-in step: the code of the authenticator app, after a correct password.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.TwoFactor)]
public class SignInTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Audit audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application.")]
    [StringLength(12, ErrorMessage = "Le code a six chiffres.")]
    [Display(Name = "Code à six chiffres")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/compte/connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Message"] = "La connexion a expiré : saisissez à nouveau votre mot de passe.";
            return LocalRedirect("/compte/connexion");
        }
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Authenticator.Clean(Code), RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await SignInModel.SignedInAsync(users, audit, user, "mot de passe et code");
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.RecordForAsync(user, AuditActions.Lockout, user.Email, "codes de vérification incorrects");
            ModelState.AddModelError("", SignInModel.LockedOutMessage);
            return Page();
        }
        await audit.RecordForAsync(user, AuditActions.SignInFailed, user.Email, "code de vérification incorrect");
        ModelState.AddModelError(nameof(Code), "Code incorrect. Saisissez le code affiché maintenant par votre application.");
        return Page();
    }
}
