using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Observatoire.Web.Data.Configurations;
using Observatoire.Web.Pages.Account;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Setup;

/// <summary>
/// The first run: while no Administrateur exists, the holder of a token printed in the log (<see cref="SetupTokens"/>)
/// creates the first administrator and names the observatory, then lands on the admin home signed in. Without a valid
/// token the page explains where to find one; once an administrator exists it answers 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Setup)]
public class IndexModel(ObservatoireDbContext db, SetupTokens tokens, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    Audit audit, ObservatorySettingsCache settings, IOutputCacheStore outputCache, ILogger<IndexModel> log) : PageModel
{
    /// <summary>Serialises setups across instances, so that two forms sent at once cannot make two first administrators.</summary>
    private const long SetupLockKey = 0x0B5E_7A70_0002;

    [BindProperty(SupportsGet = true, Name = SetupTokens.QueryKey)] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The token opens the form; otherwise the page says where to find one.</summary>
    public bool TokenValid { get; private set; }
    /// <summary>A token came with the request and is not (or no longer) valid.</summary>
    public bool TokenRefused { get; private set; }
    public bool AlreadyInstalled { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez le nom de l'observatoire.")]
        [StringLength(ObservatorySettingsConfiguration.NameLength, ErrorMessage = "Au plus 160 caractères.")]
        [Display(Name = "Nom de l'observatoire")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Donnez un nom court, affiché en tête de chaque page.")]
        [StringLength(ObservatorySettingsConfiguration.ShortNameLength, ErrorMessage = "Au plus 60 caractères.")]
        [Display(Name = "Nom court")]
        public string ShortName { get; set; } = "";

        [Required(ErrorMessage = "Indiquez le territoire observé, par exemple « Tours et Joué-lès-Tours ».")]
        [StringLength(ObservatorySettingsConfiguration.TerritoryLength, ErrorMessage = "Au plus 160 caractères.")]
        [Display(Name = "Territoire")]
        public string Territory { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre nom.")]
        [StringLength(160, ErrorMessage = "Au plus 160 caractères.")]
        [Display(Name = "Votre nom et prénom")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = FrenchMessages.Email)]
        [StringLength(256, ErrorMessage = "256 caractères au plus.")]
        [Display(Name = "Votre adresse e-mail")]
        public string Email { get; set; } = "";

        public NewPasswordInput Password { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Installed(ct)) return Gone();
        await CheckToken(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Installed(ct)) return Gone();
        if (!await CheckToken(ct)) return Page();
        if (!ModelState.IsValid) return Page();

        var email = Input.Email.Trim();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SetupLockKey})", ct);
            // Checked again under the lock: another form, on this instance or the other, may have just completed.
            if (await Installed(ct)) return Gone();
            if (!await CheckToken(ct)) return Page();

            var now = DateTime.UtcNow;
            var admin = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = Input.DisplayName.Trim(),
                CreatedAt = now, LastSignInAt = now,
            };
            var created = await users.CreateAsync(admin, Input.Password.NewPassword);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors)
                    ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password.NewPassword"
                        : e.Code.Contains("Email") || e.Code.Contains("UserName") ? "Input.Email" : "", e.Description);
                return Page();
            }
            var role = await users.AddToRoleAsync(admin, Roles.Administrateur);
            if (!role.Succeeded) throw new InvalidOperationException("Rôle Administrateur introuvable : " + string.Join(" ", role.Errors.Select(e => e.Description)));

            var observatory = await db.ObservatorySettings.SingleOrDefaultAsync(ct);
            if (observatory is null) db.ObservatorySettings.Add(observatory = SettingsTemplates.Defaults());
            observatory.Name = Input.Name.Trim();
            observatory.ShortName = Input.ShortName.Trim();
            observatory.Territory = Input.Territory.Trim();
            observatory.UpdatedAt = now;
            observatory.UpdatedByName = admin.DisplayName;
            await db.SaveChangesAsync(ct);
            await tokens.DeleteAllAsync(ct);
            await audit.RecordForAsync(admin, AuditActions.Setup, observatory.Name, $"premier administrateur : {admin.Email}");
            await transaction.CommitAsync(CancellationToken.None);
            log.LogInformation("Observatoire installé : premier administrateur {UserId}", admin.Id);
            settings.Forget();
            // Cached public pages carry the old name in their layout (and the banner pointing here).
            await outputCache.EvictByTagAsync(PublicPageCache.WikiTag, CancellationToken.None);
            await signIn.SignInAsync(admin, isPersistent: false);
            TempData["Message"] = $"« {observatory.Name} » est installé et vous en êtes l'administrateur. Étape suivante : chargez les listes de départ.";
        }
        return LocalRedirect("/admin");
    }

    /// <summary>Checked in the database, not the cache: an administrator made a second ago closes this page at once.</summary>
    private Task<bool> Installed(CancellationToken ct) => SetupTokens.AdministratorExistsAsync(db, ct);

    private PageResult Gone()
    {
        AlreadyInstalled = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> CheckToken(CancellationToken ct)
    {
        TokenValid = await tokens.IsValidAsync(Token, ct);
        TokenRefused = !TokenValid && !string.IsNullOrWhiteSpace(Token);
        if (!TokenValid && HttpMethods.IsPost(Request.Method))
            ModelState.AddModelError("", "Ce lien d'installation n'est pas valable : rien n'a été créé. Copiez le lien complet depuis le journal du portail.");
        return TokenValid;
    }
}
