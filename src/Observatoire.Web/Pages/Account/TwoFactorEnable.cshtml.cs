using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Pages.Account;

/// <summary>Enrols an authenticator app: shows the shared key, checks one code, then shows the recovery codes once.</summary>
[Authorize(Policy = Policies.Member)]
public class TwoFactorEnableModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Audit audit,
    IOptions<SecurityOptions> security, ObservatorySettingsCache settings) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application.")]
    [StringLength(12, ErrorMessage = "Le code a six chiffres.")]
    [Display(Name = "Code de vérification")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string SharedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }
    public bool Required { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string Continue => SignInModel.SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (!AlreadyEnabled) await LoadKey(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("/Account/TwoFactor");
        var code = Authenticator.Clean(Code);
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), "Ce code ne correspond pas. Vérifiez que l'heure de votre téléphone est juste et saisissez le code affiché maintenant.");
        if (!ModelState.IsValid)
        {
            await LoadKey(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user.DisplayName, null);
        // A new cookie carries the two-factor claim, which lifts the staff enrolment requirement.
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKey(AppUser user)
    {
        Required = security.Value.RequireTwoFactorForStaff && User.IsCoordination();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Authenticator key not stored.");
        }
        SharedKey = Authenticator.FormatKey(key);
        var issuer = (await settings.GetAsync(HttpContext.RequestAborted)).ShortName;
        QrCode = Authenticator.QrCodeDataUri(Authenticator.OtpAuthUri(issuer, user.Email ?? user.UserName ?? user.Id, key));
    }
}
