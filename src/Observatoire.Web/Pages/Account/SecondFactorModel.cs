using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Observatoire.Web.Pages.Account;

/// <summary>
/// The second sign-in step after a correct password, whichever code completes it (the authenticator app's or a
/// recovery code): both pages need the password step still pending, then sign in, or audit the failure, alike.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.TwoFactor)]
public abstract class SecondFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Audit audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>How the audit line says the sign-in was completed.</summary>
    protected abstract string How { get; }

    /// <summary>The audit line's reason when the code is refused.</summary>
    protected abstract string Refused { get; }

    /// <summary>The message under the code field when it is refused.</summary>
    protected abstract string RefusedMessage { get; }

    /// <summary>The audit line's reason when this refusal locks the account out; null records no lockout line.</summary>
    protected virtual string? LockedOutReason => null;

    /// <summary>Signs in with the code typed on the page.</summary>
    protected abstract Task<SignInResult> TryCodeAsync(SignInManager<AppUser> signIn);

    /// <summary>What the page adds once signed in.</summary>
    protected virtual Task SignedInAsync(UserManager<AppUser> users, AppUser user) => Task.CompletedTask;

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
        var result = await TryCodeAsync(signIn);
        if (result.Succeeded)
        {
            await SignInModel.SignedInAsync(users, audit, user, How);
            await SignedInAsync(users, user);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            if (LockedOutReason is { } reason) await audit.RecordForAsync(user, AuditActions.Lockout, user.Email, reason);
            ModelState.AddModelError("", SignInModel.LockedOutMessage);
            return Page();
        }
        await audit.RecordForAsync(user, AuditActions.SignInFailed, user.Email, Refused);
        ModelState.AddModelError("Code", RefusedMessage);
        return Page();
    }
}
