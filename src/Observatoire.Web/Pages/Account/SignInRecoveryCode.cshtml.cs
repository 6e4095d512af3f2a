using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Observatoire.Web.Pages.Account;

/// <summary>Second sign-in step without the phone: one of the single-use recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.TwoFactor)]
public class SignInRecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Audit audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez un code de récupération.")]
    [StringLength(40, ErrorMessage = "Un code de récupération a une dizaine de caractères.")]
    [Display(Name = "Code de récupération")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

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
        // Identity stores codes as XXXXX-XXXXX in upper case; accept them typed with spaces or in lower case.
        var code = Authenticator.Clean(Code).ToUpperInvariant();
        if (code.Length == 10) code = code[..5] + "-" + code[5..];
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await SignInModel.SignedInAsync(users, audit, user, "mot de passe et code de récupération");
            TempData["Message"] = $"Connecté avec un code de récupération. Il vous en reste {await users.CountRecoveryCodesAsync(user)}.";
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", SignInModel.LockedOutMessage);
            return Page();
        }
        await audit.RecordForAsync(user, AuditActions.SignInFailed, user.Email, "code de récupération incorrect");
        ModelState.AddModelError(nameof(Code), "Ce code de récupération n'est pas valable (inconnu ou déjà utilisé).");
        return Page();
    }
}
