using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;
using Observatoire.Web.Infrastructure;

namespace Observatoire.Web.Pages.Admin;

/// <summary>One account: role, structures, actor link; unlock; new invitation link.</summary>
[Authorize(Policy = Policies.Admin)]
public class CompteModel(ObservatoireDbContext db, UserManager<AppUser> users, AccountLinks links, Mailer mailer,
    ILogger<CompteModel> log) : PageModel
{
    [BindProperty] public AccountAccessInput Input { get; set; } = new();
    public AppUser Account { get; private set; } = null!;
    public bool Invited { get; private set; }
    public bool Locked { get; private set; }
    public string? InvitationLink { get; private set; }
    public List<SelectListItem> Structures { get; private set; } = [];
    public List<SelectListItem> Actors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        Input = new AccountAccessInput
        {
            Role = (await users.GetRolesAsync(Account)).FirstOrDefault() ?? Roles.Contributeur,
            StructureIds = Account.Structures.Select(s => s.Id).ToList(),
            ActorId = Account.ActorId,
        };
        await LoadChoices(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        if (!Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", "Choisissez un rôle de la liste.");
        if (Account.Id == users.GetUserId(User) && Input.Role != Roles.Administrateur)
            ModelState.AddModelError("Input.Role", "Vous ne pouvez pas retirer votre propre rôle d'administrateur : demandez-le à un autre administrateur.");
        if (!ModelState.IsValid)
        {
            await LoadChoices(ct);
            return Page();
        }
        var current = await users.GetRolesAsync(Account);
        if (!current.SequenceEqual([Input.Role]))
        {
            await users.RemoveFromRolesAsync(Account, current);
            await users.AddToRoleAsync(Account, Input.Role);
            log.LogInformation("Rôle de {UserId} changé de {Old} en {New}", Account.Id, string.Join(",", current), Input.Role);
        }
        Account.Structures = await db.Structures.Where(s => Input.StructureIds.Contains(s.Id)).ToListAsync(ct);
        Account.ActorId = Input.ActorId;
        await db.SaveChangesAsync(ct);
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
        TempData["Message"] = $"Compte de {Account.DisplayName} déverrouillé.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInvitationAsync(string id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        if (!Invited) return RedirectToPage(new { id });
        InvitationLink = links.Invitation(Account.Id, await users.GeneratePasswordResetTokenAsync(Account));
        await mailer.SendAsync(Account.Email!, "Invitation à rejoindre l'Observatoire des usages numériques",
            $"""
            Bonjour {Account.DisplayName},

            Voici un nouveau lien pour activer votre compte de l'Observatoire et choisir votre mot de passe (valable 3 jours) :

            {InvitationLink}
            """, ct);
        Input = new AccountAccessInput
        {
            Role = (await users.GetRolesAsync(Account)).FirstOrDefault() ?? Roles.Contributeur,
            StructureIds = Account.Structures.Select(s => s.Id).ToList(), ActorId = Account.ActorId,
        };
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
        return true;
    }

    private async Task LoadChoices(CancellationToken ct)
    {
        Structures = await AccountForm.StructureChoices(db, Input.StructureIds, ct);
        Actors = await AccountForm.ActorChoices(db, Input.ActorId, ct);
    }
}
