using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Observatoire.Web.Pages.Admin;

/// <summary>Role and structures of an account, shared by the invitation and edit pages.</summary>
public class AccountAccessInput
{
    [Required(ErrorMessage = "Choisissez un rôle.")]
    [Display(Name = "Rôle")]
    public string Role { get; set; } = Roles.Contributeur;

    [Display(Name = "Structures")]
    public List<int> StructureIds { get; set; } = [];

    [Display(Name = "Fiche acteur")]
    public int? ActorId { get; set; }
}

public static class AccountForm
{
    public static IEnumerable<SelectListItem> RoleChoices(string selected) =>
        Roles.All.Select(r => new SelectListItem(Roles.Label(r), r, r == selected));

    public static async Task<List<SelectListItem>> StructureChoices(ObservatoireDbContext db, ICollection<int> selected, CancellationToken ct) =>
        (await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
        .Select(s => new SelectListItem(s.Name, s.Id.ToString(), selected.Contains(s.Id))).ToList();

    /// <summary>A directory record belongs to one account at most: a second one is refused next to the field, not by a 500.</summary>
    public static async Task ValidateActorAsync(ObservatoireDbContext db, AccountAccessInput input, string? accountId,
        ModelStateDictionary modelState, CancellationToken ct)
    {
        if (input.ActorId is not int actorId) return;
        var holder = await db.Users.Where(u => u.ActorId == actorId && u.Id != accountId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (holder is not null)
            modelState.AddModelError("Input.ActorId", $"Cette fiche de l'annuaire est déjà liée au compte de {holder} : choisissez-en une autre, ou « Aucune ».");
    }

    public static async Task<List<SelectListItem>> ActorChoices(ObservatoireDbContext db, int? selected, CancellationToken ct)
    {
        var list = (await db.Actors.AsNoTracking().OrderBy(a => a.FullName).Select(a => new { a.Id, a.FullName }).ToListAsync(ct))
            .Select(a => new SelectListItem(a.FullName, a.Id.ToString(), a.Id == selected)).ToList();
        list.Insert(0, new SelectListItem("— Aucune —", "", selected is null));
        return list;
    }
}
