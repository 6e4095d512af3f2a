using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Observatoire.Web.Pages.Account;

/// <summary>Second sign-in step: the code of the authenticator app, after a correct password.</summary>
public class SignInTwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Audit audit)
    : SecondFactorModel(signIn, users, audit)
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application.")]
    [StringLength(12, ErrorMessage = "Le code a six chiffres.")]
    [Display(Name = "Code à six chiffres")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    protected override string How => "mot de passe et code";
    protected override string Refused => "code de vérification incorrect";
    protected override string RefusedMessage => "Code incorrect. Saisissez le code affiché maintenant par votre application.";
    protected override string LockedOutReason => "codes de vérification incorrects";

    protected override Task<SignInResult> TryCodeAsync(SignInManager<AppUser> signIn) =>
        signIn.TwoFactorAuthenticatorSignInAsync(Authenticator.Clean(Code), RememberMe, rememberClient: false);
}
