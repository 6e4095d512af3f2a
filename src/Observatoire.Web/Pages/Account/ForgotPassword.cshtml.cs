using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Observatoire.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PasswordReset)]
public class ForgotPasswordModel(UserManager<AppUser> users, Mailer mailer, AccountLinks links, ObservatorySettingsCache settings) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez l'adresse e-mail de votre compte.")]
    [EmailAddress(ErrorMessage = FrenchMessages.Email)]
    [StringLength(256, ErrorMessage = "256 caractères au plus.")]
    [Display(Name = "Adresse e-mail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // Same answer whether or not the account exists: the page must not reveal who has an account.
        if (user is not null && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var observatory = await settings.GetAsync(ct);
            await mailer.SendAsync(user.Email!, $"{observatory.ShortName} — choisir un nouveau mot de passe",
                $"""
                Bonjour {user.DisplayName},

                Une demande de nouveau mot de passe a été faite pour votre compte sur « {observatory.Name} ».
                Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 3 jours) :

                {links.PasswordReset(user.Id, token)}

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
                """, ct);
        }
        Sent = true;
        return Page();
    }
}
