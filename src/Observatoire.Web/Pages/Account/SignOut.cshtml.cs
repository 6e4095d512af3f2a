using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery) so that a link or an image cannot sign people out.</summary>
[AllowAnonymous]
public class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = "Vous êtes déconnecté.";
        return LocalRedirect("/");
    }
}
