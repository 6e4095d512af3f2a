using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Observatoire.Web.Pages.Account;

/// <summary>Second sign-in step without the phone: one of the single-use recovery codes.</summary>
public class SignInRecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Audit audit)
    : SecondFactorModel(signIn, users, audit)
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez un code de récupération.")]
    [StringLength(40, ErrorMessage = "Un code de récupération a une dizaine de caractères.")]
    [Display(Name = "Code de récupération")]
    public string Code { get; set; } = "";

    protected override string How => "mot de passe et code de récupération";
    protected override string Refused => "code de récupération incorrect";
    protected override string RefusedMessage => "Ce code de récupération n'est pas valable (inconnu ou déjà utilisé).";

    protected override Task<SignInResult> TryCodeAsync(SignInManager<AppUser> signIn)
    {
        // Identity stores codes as XXXXX-XXXXX in upper case; accept them typed with spaces or in lower case.
        var code = Authenticator.Clean(Code).ToUpperInvariant();
        if (code.Length == 10) code = code[..5] + "-" + code[5..];
        return signIn.TwoFactorRecoveryCodeSignInAsync(code);
    }

    protected override async Task SignedInAsync(UserManager<AppUser> users, AppUser user) =>
        TempData["Message"] = $"Connecté avec un code de récupération. Il vous en reste {await users.CountRecoveryCodesAsync(user)}.";
}
