using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Observatoire.Web.Pages.Admin;

/// <summary>
/// Creates an account without a password and an invitation link. The link is shown to the administrator
/// (to pass on by hand) and e-mailed — through SMTP when configured, otherwise kept in the portal's mail box.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class InviteModel(ObservatoireDbContext db, UserManager<AppUser> users, Mailer mailer, AccountLinks links,
    Audit audit, ObservatorySettingsCache settings, ILogger<InviteModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<SelectListItem> Structures { get; private set; } = [];
    public List<SelectListItem> Actors { get; private set; } = [];
    public string? InvitationLink { get; private set; }
    public bool Emailed { get; private set; }

    public class InputModel : AccountAccessInput
    {
        [Required(ErrorMessage = "Saisissez le nom de la personne.")]
        [StringLength(160, ErrorMessage = "160 caractères au plus.")]
        [Display(Name = "Nom et prénom")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez l'adresse e-mail de la personne.")]
        [EmailAddress(ErrorMessage = FrenchMessages.Email)]
        [StringLength(256, ErrorMessage = "256 caractères au plus.")]
        [Display(Name = "Adresse e-mail")]
        public string Email { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoices(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", "Choisissez un rôle de la liste.");
        await AccountForm.ValidateActorAsync(db, Input, null, ModelState, ct);
        if (!ModelState.IsValid)
        {
            await LoadChoices(ct);
            return Page();
        }
        // Account, role, invitation e-mail and audit line: all or nothing, so that an interrupted request leaves
        // no account without a role and can simply be sent again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.DisplayName.Trim(),
            CreatedAt = DateTime.UtcNow, ActorId = Input.ActorId,
            Structures = await db.Structures.Where(s => Input.StructureIds.Contains(s.Id)).ToListAsync(ct),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                ModelState.AddModelError(e.Code.Contains("Email") || e.Code.Contains("UserName") ? "Input.Email" : "", e.Description);
            await LoadChoices(ct);
            return Page();
        }
        await users.AddToRoleAsync(user, Input.Role);
        await audit.RecordAsync(AuditActions.Invitation, $"{user.DisplayName} <{user.Email}>", $"rôle {Roles.Label(Input.Role)}");
        InvitationLink = links.Invitation(user.Id, await users.GeneratePasswordResetTokenAsync(user));
        var observatory = await settings.GetAsync(ct);
        var mail = await mailer.SendAsync(user.Email, $"Invitation à rejoindre « {observatory.Name} »",
            $"""
            Bonjour {user.DisplayName},

            Vous êtes invité·e à rejoindre « {observatory.FullName} »,
            avec le rôle « {Roles.Label(Input.Role)} ».

            Pour activer votre compte et choisir votre mot de passe, ouvrez ce lien (valable 3 jours) :

            {InvitationLink}
            """, ct);
        await transaction.CommitAsync(CancellationToken.None);
        Emailed = mail.SentAt is not null;
        log.LogInformation("Invitation de {UserId} avec le rôle {Role}", user.Id, Input.Role);
        await LoadChoices(ct);
        return Page();
    }

    private async Task LoadChoices(CancellationToken ct)
    {
        Structures = await AccountForm.StructureChoices(db, Input.StructureIds, ct);
        Actors = await AccountForm.ActorChoices(db, Input.ActorId, ct);
    }
}
