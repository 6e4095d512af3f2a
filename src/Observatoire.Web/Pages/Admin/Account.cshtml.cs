using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Observatoire.Web.Pages.Admin;

/// <summary>One account: role, structures, actor link; unlock; new invitation link.</summary>
[Authorize(Policy = Policies.Admin)]
public class AccountModel(ObservatoireDbContext db, UserManager<AppUser> users, AccountLinks links, Mailer mailer,
    Audit audit, ObservatorySettingsCache settings, ILogger<AccountModel> log) : PageModel
{
    [BindProperty] public AccountAccessInput Input { get; set; } = new();
    public AppUser Account { get; private set; } = null!;
    public bool Invited { get; private set; }
    public bool Locked { get; private set; }
    public bool TwoFactor { get; private set; }
    public string? InvitationLink { get; private set; }
    public List<SelectListItem> Structures { get; private set; } = [];
    public List<SelectListItem> Actors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        Input = await StoredAccessAsync();
        await LoadChoices(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        if (!Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", "Choisissez un rôle de la liste.");
        if (Account.Id == users.GetUserId(User) && Input.Role != Roles.Administrateur)
            ModelState.AddModelError("Input.Role", "Vous ne pouvez pas retirer votre propre rôle d'administrateur : demandez-le à un autre administrateur.");
        await AccountForm.ValidateActorAsync(db, Input, Account.Id, ModelState, ct);
        if (!ModelState.IsValid)
        {
            await LoadChoices(ct);
            return Page();
        }
        // The role, the links and their audit lines are saved together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(Account);
        if (!current.SequenceEqual([Input.Role]))
        {
            await users.RemoveFromRolesAsync(Account, current);
            await users.AddToRoleAsync(Account, Input.Role);
            await audit.RecordAsync(AuditActions.RoleChanged, Target,
                $"{string.Join(", ", current.Select(Roles.Label))} → {Roles.Label(Input.Role)}");
            log.LogInformation("Rôle de {UserId} changé de {Old} en {New}", Account.Id, string.Join(",", current), Input.Role);
        }
        var structuresBefore = Account.Structures.Select(s => s.Id).Order().ToList();
        var actorBefore = Account.ActorId;
        Account.Structures = await db.Structures.Where(s => Input.StructureIds.Contains(s.Id)).ToListAsync(ct);
        Account.ActorId = Input.ActorId;
        await db.SaveChangesAsync(ct);
        if (!structuresBefore.SequenceEqual(Account.Structures.Select(s => s.Id).Order()) || actorBefore != Account.ActorId)
            await audit.RecordAsync(AuditActions.AccountUpdated, Target,
                $"structures : {(Account.Structures.Count == 0 ? "aucune" : string.Join(", ", Account.Structures.Select(s => s.Name)))} ; fiche acteur : {Account.ActorId?.ToString() ?? "aucune"}");
        await transaction.CommitAsync(CancellationToken.None);
        // Role changes take effect at the user's next request.
        await users.UpdateSecurityStampAsync(Account);
        TempData["Message"] = $"Compte de {Account.DisplayName} enregistré.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeverrouillerAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await audit.RecordAsync(AuditActions.AccountUnlocked, Target, null);
        TempData["Message"] = $"Compte de {Account.DisplayName} déverrouillé.";
        return RedirectToPage(new { id });
    }

    /// <summary>For someone who lost both phone and recovery codes: they enrol again with a new key.</summary>
    public async Task<IActionResult> OnPostDoubleAuthentificationAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        await users.UpdateSecurityStampAsync(Account);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, Target, "réinitialisée par un administrateur");
        TempData["Message"] = $"Double authentification de {Account.DisplayName} réinitialisée : la personne devra l'activer à nouveau.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInvitationAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        if (!Invited) return RedirectToPage(new { id });
        InvitationLink = links.Invitation(Account.Id, await users.GeneratePasswordResetTokenAsync(Account));
        await audit.RecordAsync(AuditActions.Invitation, Target, "nouveau lien");
        var observatory = await settings.GetAsync(ct);
        await mailer.SendAsync(Account.Email!, $"Invitation à rejoindre « {observatory.Name} »",
            $"""
            Bonjour {Account.DisplayName},

            Voici un nouveau lien pour activer votre compte sur « {observatory.Name} » et choisir votre mot de passe (valable 3 jours) :

            {InvitationLink}
            """, ct);
        Input = await StoredAccessAsync();
        await LoadChoices(ct);
        return Page();
    }

    private async Task<bool> Load(string id, CancellationToken ct)
    {
        var account = await db.Users.Include(u => u.Structures).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (account is null) return false;
        Account = account;
        Invited = account.PasswordHash is null;
        Locked = account.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
        TwoFactor = account.TwoFactorEnabled;
        return true;
    }

    /// <summary>The form as the account stands: the page shows it again after sending a new invitation.</summary>
    private async Task<AccountAccessInput> StoredAccessAsync() => new()
    {
        Role = (await users.GetRolesAsync(Account)).FirstOrDefault() ?? Roles.Contributeur,
        StructureIds = Account.Structures.Select(s => s.Id).ToList(),
        ActorId = Account.ActorId,
    };

    private string Target => $"{Account.DisplayName} <{Account.Email}>";

    private async Task LoadChoices(CancellationToken ct)
    {
        Structures = await AccountForm.StructureChoices(db, Input.StructureIds, ct);
        Actors = await AccountForm.ActorChoices(db, Input.ActorId, ct);
    }
}
