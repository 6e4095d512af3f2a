namespace Observatoire.Web.Pages.Account;

/// <summary>A new password typed twice; shared by invitation, reset and change.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Le mot de passe doit contenir au moins 12 caractères.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nouveau mot de passe")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirmer le mot de passe")]
    public string ConfirmPassword { get; set; } = "";
}
