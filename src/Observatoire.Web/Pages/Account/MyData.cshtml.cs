using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Pages.Account;

/// <summary>Right of access and erasure: download what the portal holds about me, or delete my account.</summary>
[Authorize(Policy = Policies.Member)]
public class MyDataModel(ObservatoireDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    Audit audit, ILogger<MyDataModel> log) : PasswordConfirmedModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnGetTelechargerAsync(CancellationToken ct)
    {
        var id = users.GetUserId(User);
        var data = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            compte = new { nom = u.DisplayName, email = u.Email, creeLe = u.CreatedAt, derniereConnexion = u.LastSignInAt },
            structures = u.Structures.Select(s => s.Name).ToArray(),
            acteur = u.Actor == null ? null : new
            {
                nom = u.Actor.FullName, categorie = u.Actor.Category.ExternalName(), fonction = u.Actor.JobTitle,
                email = u.Actor.Email, telephone = u.Actor.Phone, presentation = u.Actor.Bio,
            },
        }).FirstOrDefaultAsync(ct);
        if (data is null) return Challenge();
        var observations = await db.Observations.AsNoTracking().Where(o => o.CreatedById == id)
            .OrderBy(o => o.ObservedOn)
            .Select(o => new { o.Id, titre = o.Title, date = o.ObservedOn, statut = o.Status.ExternalName(), creeeLe = o.CreatedAt })
            .ToListAsync(ct);
        // Everything the person wrote in their own words: watch comments, the comments of observation steps
        // (submission, return…) and wiki edit summaries.
        var commentaires = (await db.WatchComments.AsNoTracking().Where(c => c.AuthorId == id)
                .Select(c => new { type = "veille", sur = c.Item.Title, date = c.CreatedAt, texte = c.Body }).ToListAsync(ct))
            .Concat(await db.ObservationChanges.AsNoTracking().Where(c => c.UserId == id && c.Comment != null)
                .Select(c => new { type = "observation", sur = c.Observation.Title, date = c.At, texte = c.Comment! }).ToListAsync(ct))
            .Concat(await db.WikiRevisions.AsNoTracking().Where(r => r.AuthorId == id && r.Comment != null)
                .Select(r => new { type = "wiki", sur = r.Title, date = r.CreatedAt, texte = r.Comment! }).ToListAsync(ct))
            .OrderBy(c => c.date).ToList();
        // What the portal told the person, and how they chose to be told (#16).
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderBy(n => n.CreatedAt)
            .Select(n => new { sujet = n.Kind.ToString(), titre = n.Title, texte = n.Text, date = n.CreatedAt, lueLe = n.ReadAt, envoyeeParCourrielLe = n.MailedAt })
            .ToListAsync(ct);
        var choixNotifications = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == id)
            .Select(p => new { sujet = p.Kind.ToString(), courriel = p.Delivery.ToString() }).ToListAsync(ct);
        // The syntheses the person downloaded: they are told when their data changes.
        var synthesesTelechargees = await db.SynthesisDownloads.AsNoTracking().Where(d => d.UserId == id).OrderBy(d => d.DownloadedAt)
            .Select(d => new { reference = d.Synthesis.Reference, titre = d.Synthesis.Title, premierTelechargement = d.DownloadedAt }).ToListAsync(ct);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var compte = new
        {
            data.compte.nom, data.compte.email, role = string.Join(", ", (await users.GetRolesAsync(user)).Select(Roles.Label)),
            data.compte.creeLe, data.compte.derniereConnexion,
        };
        await audit.RecordAsync(AuditActions.Export, data.compte.nom, "mes données (JSON)");
        var json = JsonSerializer.SerializeToUtf8Bytes(new { compte, data.structures, data.acteur, observations, commentaires, notifications, choixNotifications,
                synthesesTelechargees },
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return File(json, "application/json; charset=utf-8", $"mes-donnees-observatoire-{ParisTime.Today(DateTime.UtcNow):yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostSupprimerAsync(CancellationToken ct)
    {
        var (user, refused) = await ConfirmedUserAsync(users);
        if (user is null) return refused!;
        // One transaction: the account, the actor's contact details and the audit line go together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Observations stay (they belong to the structure's work) but lose the link to the account;
        // the linked actor keeps its public role but loses personal contact details.
        if (user.ActorId is int actorId)
        {
            var actor = await db.Actors.FindAsync([actorId], ct);
            if (actor is not null) { actor.Email = null; actor.Phone = null; }
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(AuditActions.AccountDeleted, user.DisplayName, "supprimé par son titulaire");
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            ModelState.AddModelError("", "La suppression a échoué. Réessayez, ou contactez l'administration.");
            return Page();
        }
        await transaction.CommitAsync(CancellationToken.None);
        log.LogInformation("Compte {UserId} supprimé par son titulaire", user.Id);
        await signIn.SignOutAsync();
        TempData["Message"] = "Votre compte et vos données personnelles ont été supprimés.";
        return LocalRedirect("/");
    }
}
