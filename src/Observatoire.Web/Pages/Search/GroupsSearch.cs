using Hit = Observatoire.Web.Pages.Search.IndexModel.Hit;

namespace Observatoire.Web.Pages.Search;

/// <summary>
/// Search over working groups, events and published watch items, ranked and highlighted like /recherche:
/// <c>hits.AddRange(await GroupsSearch.SearchAsync(db, q, ct));</c> then sort all hits by rank.
/// Everything here is readable without an account, so there is no visibility filter.
/// </summary>
public static class GroupsSearch
{
    public static Task<List<Hit>> SearchAsync(ObservatoireDbContext db, string q, CancellationToken ct)
    {
        var options = HeadlineMarkers.Options;
        var start = HeadlineMarkers.Start;
        var stop = HeadlineMarkers.Stop;
        // Titles matching the query rank above body matches, as in the main search (Pages/Search/Index).
        return db.Database.SqlQuery<Hit>($"""
            WITH q AS (SELECT websearch_to_tsquery('fr_unaccent', {q}) AS query)
            SELECT h."Kind", h."Title", h."Url",
                   h."Rank" + CASE WHEN to_tsvector('fr_unaccent', h."Title") @@ q.query THEN 1 ELSE 0 END
                   + CASE WHEN to_tsvector('fr_unaccent', h."Title") = to_tsvector('fr_unaccent', {q}) THEN 1 ELSE 0 END AS "Rank",
                   ts_headline('fr_unaccent', replace(replace(h."Text", {start}, ''), {stop}, ''), q.query, {options}) AS "Excerpt"
            FROM (
                SELECT 'groupe' AS "Kind", g."Name" AS "Title", '/groupes/' || g."Slug" AS "Url", ts_rank(g."SearchVector", q.query) AS "Rank",
                       g."Purpose" AS "Text"
                FROM "WorkingGroups" g, q
                WHERE g."SearchVector" @@ q.query
                UNION ALL
                SELECT 'evenement', e."Title", '/evenements/' || e."Slug", ts_rank(e."SearchVector", q.query),
                       left(concat_ws(' ', e."Place", e."DescriptionText"), 20000)
                FROM "Events" e, q
                WHERE e."SearchVector" @@ q.query
                UNION ALL
                SELECT 'veille', w."Title", '/veille/' || w."Id", ts_rank(w."SearchVector", q.query), w."Note"
                FROM "WatchItems" w, q
                WHERE w."SearchVector" @@ q.query AND w."Status" = 'Published'
            ) h, q
            ORDER BY 4 DESC, h."Title"
            LIMIT 50
            """).ToListAsync(ct);
    }

    /// <summary>Labels of the kinds above, for the search page's KindLabel.</summary>
    public static string? KindLabel(string kind) => kind switch
    {
        "groupe" => "Groupe de travail",
        "evenement" => "Événement",
        "veille" => "Veille",
        _ => null,
    };
}
