using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Observatoire.Web.Domain;

namespace Observatoire.Web.Pages.Compte;

[AllowAnonymous]
public class ConnexionModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<ConnexionModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")]
        [StringLength(256)]
        [Display(Name = "Adresse e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [StringLength(200)]
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
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAt = DateTime.UtcNow;
            await users.UpdateAsync(user);
            log.LogInformation("Connexion de {UserId}", user.Id);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Compte {UserId} verrouillé après des échecs de connexion", user.Id);
            ModelState.AddModelError("", "Ce compte est verrouillé pendant 15 minutes après 5 essais infructueux. Patientez, ou utilisez « Mot de passe oublié ».");
            return Page();
        }
        ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
        return Page();
    }

    /// <summary>Only local paths: an attacker's link cannot send people elsewhere after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
}
