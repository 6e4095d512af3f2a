using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Observatoire.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Audit audit, ILogger<SignInModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")]
        [StringLength(256, ErrorMessage = "256 caractères au plus.")]
        [Display(Name = "Adresse e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";

        [Display(Name = "Rester connecté sur cet appareil")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.RecordForAsync(null, AuditActions.SignInFailed, email, "compte inconnu");
            ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
            return Page();
        }
        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await SignedInAsync(users, audit, user, "mot de passe");
            log.LogInformation("Connexion de {UserId}", user.Id);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return LocalRedirect($"/compte/connexion-2fa?ReturnUrl={Uri.EscapeDataString(SafeReturnUrl(ReturnUrl))}&RememberMe={Input.RememberMe}");
        if (result.IsLockedOut)
        {
            if (wasLockedOut)
                await audit.RecordForAsync(user, AuditActions.SignInFailed, user.Email, "compte verrouillé");
            else
            {
                await audit.RecordForAsync(user, AuditActions.Lockout, user.Email, "5 mots de passe incorrects");
                log.LogWarning("Compte {UserId} verrouillé après des échecs de connexion", user.Id);
            }
            ModelState.AddModelError("", LockedOutMessage);
            return Page();
        }
        await audit.RecordForAsync(user, AuditActions.SignInFailed, user.Email, "mot de passe incorrect");
        ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
        return Page();
    }

    public const string LockedOutMessage =
        "Ce compte est verrouillé pendant 15 minutes après 5 essais infructueux. Patientez, ou utilisez « Mot de passe oublié ».";

    /// <summary>Bookkeeping of a completed sign-in, whichever step completed it.</summary>
    internal static async Task SignedInAsync(UserManager<AppUser> users, Audit audit, AppUser user, string how)
    {
        user.LastSignInAt = DateTime.UtcNow;
        await users.UpdateAsync(user);
        await audit.RecordForAsync(user, AuditActions.SignIn, user.Email, how);
    }

    /// <summary>Only local paths: an attacker's link cannot send people elsewhere after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
}
