using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;
using Observatoire.Web.Infrastructure;

namespace Observatoire.Web.Pages.Observations;

/// <summary>The list of observed usages, filtered from the query string.</summary>
[Authorize(Policy = Policies.Member)]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public ObservationFilter Filter { get; private set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Participants { get; private set; }
    public int Pages { get; private set; }
    public bool CanCreate { get; private set; }
    public int ToReview { get; private set; }
    public FilterChoices Choices { get; private set; } = null!;

    public record Row(int Id, string Title, DateOnly ObservedOn, string Structure, string Territory, string[] Tools,
        string[] Themes, int Participants, ObservationStatus Status, bool Returned);

    public record Option(string Slug, string Name);

    public record FilterChoices(List<Option> Territories, List<Option> Structures, List<Option> Tools, List<Option> Themes,
        List<Option> Audiences);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = ObservationFilter.Parse(Request.Query);
        var access = await ObservationAccess.LoadAsync(db, User, ct);
        CanCreate = access.IsContributor;
        var query = Filter.Apply(access.Visible(db.Observations.AsNoTracking()));
        // Count and participants in one pass over the matching rows: at 1M observations each pass is the page's main cost.
        var totals = await query.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Participants = g.Sum(o => o.ParticipantsCount) })
            .SingleOrDefaultAsync(ct);
        Total = totals?.Count ?? 0;
        Participants = totals?.Participants ?? 0;
        Pages = Math.Max(1, (Total + ObservationFilter.PageSize - 1) / ObservationFilter.PageSize);
        Rows = await Filter.Order(query)
            .Skip((Math.Min(Filter.Page, Pages) - 1) * ObservationFilter.PageSize).Take(ObservationFilter.PageSize)
            .Select(o => new Row(o.Id, o.Title, o.ObservedOn, o.Structure.Name, o.Territory.Name,
                o.Tools.OrderBy(t => t.Name).Select(t => t.Name).ToArray(),
                o.Themes.OrderBy(t => t.SortOrder).Select(t => t.Name).ToArray(),
                o.ParticipantsCount, o.Status, o.Status == ObservationStatus.Brouillon && o.ReviewComment != null))
            .ToListAsync(ct);
        if (access.IsCoordination)
            ToReview = await db.Observations.CountAsync(o => o.Status == ObservationStatus.Soumise, ct);
        Choices = new FilterChoices(
            await db.Territories.AsNoTracking().OrderBy(t => t.Parent == null ? t.Name : t.Parent.Name).ThenBy(t => t.ParentId != null).ThenBy(t => t.Name)
                .Select(t => new Option(t.Slug, t.Parent == null ? t.Name : t.Parent.Name + " › " + t.Name)).ToListAsync(ct),
            await db.Structures.AsNoTracking().OrderBy(s => s.Name).Select(s => new Option(s.Slug, s.Name)).ToListAsync(ct),
            await db.DigitalTools.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Slug, t.Name)).ToListAsync(ct),
            await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new Option(t.Slug, t.Name)).ToListAsync(ct),
            await db.Audiences.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new Option(a.Slug, a.Name)).ToListAsync(ct));
    }
}
