using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Observations;

namespace Observatoire.Web.Pages.Annuaire.Acteurs;

/// <summary>One person: contact details (members only, like the whole page), structures, observations they made.</summary>
[Authorize(Policy = Policies.Member)]
public class DetailModel(ObservatoireDbContext db) : PageModel
{
    public Actor Item { get; private set; } = null!;
    public string? BioHtml { get; private set; }
    public List<(string Slug, string Name, string Role)> Structures { get; private set; } = [];
    public List<(int Id, string Title, DateOnly ObservedOn)> Observations { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (actor is null) return NotFound();
        Item = actor;
        BioHtml = actor.Bio is null ? null : Markdown.Render(actor.Bio).Html;
        Structures = (await db.StructureMemberships.AsNoTracking().Where(m => m.ActorId == actor.Id).OrderBy(m => m.Structure.Name)
                .Select(m => new { m.Structure.Slug, m.Structure.Name, m.Role }).ToListAsync(ct))
            .Select(m => (m.Slug, m.Name, m.Role)).ToList();
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        Observations = (await access.Visible(db.Observations.AsNoTracking()).Where(o => o.ObserverId == actor.Id)
                .OrderByDescending(o => o.ObservedOn).Take(10).Select(o => new { o.Id, o.Title, o.ObservedOn }).ToListAsync(ct))
            .Select(o => (o.Id, o.Title, o.ObservedOn)).ToList();
        CanEdit = ActorEditing.CanEdit(User, await db.Users.Where(u => u.Id == access.UserId).Select(u => u.ActorId).FirstOrDefaultAsync(ct), actor.Id);
        return Page();
    }
}
