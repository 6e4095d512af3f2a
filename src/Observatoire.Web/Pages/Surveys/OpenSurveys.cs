namespace Observatoire.Web.Pages.Surveys;

/// <summary>Surveys that accept answers now: listed at /enquetes and on the home page (partial _OpenSurveys).</summary>
public static class OpenSurveys
{
    public record Item(string Title, string Slug, string? Intro, DateTime? ClosesAt, bool RequiresInvitation);

    public static Task<List<Item>> QueryAsync(ObservatoireDbContext db, CancellationToken ct, int take = 50)
    {
        var now = DateTime.UtcNow;
        return db.Surveys.AsNoTracking()
            .Where(s => s.Status == SurveyStatus.Open && (s.OpensAt == null || s.OpensAt <= now) && (s.ClosesAt == null || s.ClosesAt > now))
            .OrderBy(s => s.ClosesAt == null).ThenBy(s => s.ClosesAt).ThenByDescending(s => s.Id)
            .Take(take)
            .Select(s => new Item(s.Title, s.Slug, s.Intro, s.ClosesAt, s.RequiresInvitation))
            .ToListAsync(ct);
    }
}
