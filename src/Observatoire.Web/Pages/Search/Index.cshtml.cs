using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.RateLimiting;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Search;

/// <summary>
/// One French full-text search (accents and plurals ignored) over wiki pages, structures, tools, observations,
/// working groups, events and watch items,
/// ranked, with highlighted excerpts. Visitors without an account never see observations, nor members-only pages.
/// </summary>
[EnableRateLimiting(RateLimits.Search)]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public const int MaxQueryLength = 200;

    /// <summary>Hits shown: when there are this many, more matched and the heading says « les 50 premiers ».</summary>
    public const int MaxHits = 50;

    /// <summary>How many of the most recent matches of the wiki and of the observations are ranked (besides exact title matches).</summary>
    public const int CandidatesPerSource = 200;

    /// <summary>
    /// Wiki pages (or observations) matching up to this many: the most recent are chosen among all the matches, found
    /// through the GIN index. Beyond it, by walking from the most recent until enough match (one row in 50 or more matches
    /// at 100,000 rows).
    /// </summary>
    public const int DenseMatches = 2000;

    public record Hit(string Kind, string Title, string Url, float Rank, string Excerpt);

    [FromQuery(Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<Hit> Hits { get; private set; } = [];
    public bool TooLong { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Query?.Trim();
        if (string.IsNullOrEmpty(q)) return;
        if (q.Length > MaxQueryLength)
        {
            TooLong = true;
            return;
        }
        var member = User.IsMember();
        var coordination = User.IsCoordination();
        var userId = User.UserId() ?? "";
        var options = HeadlineMarkers.Options;
        var start = HeadlineMarkers.Start;
        var stop = HeadlineMarkers.Stop;
        var cap = CandidatesPerSource;
        var dense = DenseMatches;
        // Ranking every match costs as much as the matches (124k observations for "atelier CV" at 1M): each large
        // source offers at most `cap` of its most recent matches, plus those titled exactly with the query's words
        // (a btree index on the title's vector and the recency column: found however old, and the look-up stops
        // early however common the title; IX_WikiPages_TitleVector and IX_Observations_TitleVector, Baseline migration,
        // on exactly the expressions written here: change one, add a migration for the other). The query is spelled out in each branch (not shared through a CTE) so
        // that the planner sees its words and chooses per source: a walk from the most recent row, stopping early,
        // for frequent words; the GIN index for rare ones. Only these candidates are ranked. ts_rank is at most 1
        // and a body repeating the words comes close to it: a title containing every word of the query adds 1, a
        // title made of exactly the query's words 1 more (GroupsSearch ranks the same way).
        // That choice is not left to the planner: it guesses how many rows match from the words' statistics, and a short
        // word the lemma dictionary expands into a dozen alternatives (« CV » gives 'cv' | 'v' six times) looked common
        // while one wiki page of 100,000 held it, so the walk read them all (555 ms). Each source first takes up to
        // DenseMatches + 1 matches through the GIN index whatever the guess (wiki_search_matches and
        // observation_search_matches, migration SearchMatches); only beyond that many does it walk.
        // Only the 50 kept get an excerpt, cut from 1,000 characters from just before the first place the query's first
        // word appears (unaccented, lower-case): ts_headline runs the lemma dictionary over all the text it is given, and
        // with 3,000 characters the 50 excerpts were 90 % of a search at 100k wiki pages (145 ms of 160; 67 ms with
        // 1,000, docs/performance.md). Two fragments of 35 words fit in 1,000 characters.
        var hits = await db.Database.SqlQuery<Hit>($"""
            WITH q AS (SELECT websearch_to_tsquery('fr_unaccent', {q}) AS query),
            wikimatches AS MATERIALIZED (SELECT m.* FROM q, wiki_search_matches(q.query, {member}, {dense} + 1) m),
            observationmatches AS MATERIALIZED (
                SELECT m.* FROM q, observation_search_matches(q.query, {member}, {coordination}, {userId}, {dense} + 1) m),
            top AS (
                SELECT h."Kind", h."Id", h."Title", h."Url", h."Text",
                       ts_rank(h."SearchVector", q.query)
                       + CASE WHEN to_tsvector('fr_unaccent', h."Title") @@ q.query THEN 1 ELSE 0 END
                       + CASE WHEN to_tsvector('fr_unaccent', h."Title") = to_tsvector('fr_unaccent', {q}) THEN 1 ELSE 0 END AS "Rank"
                FROM (
                    SELECT DISTINCT ON (c."Id") 'wiki' AS "Kind", c."Id", c."Title", '/wiki/' || c."Slug" AS "Url", c."SearchVector",
                           NULL::text AS "Text"
                    FROM (
                        (SELECT p."Id", p."Title", p."Slug", p."SearchVector" FROM wikimatches m JOIN "WikiPages" p ON p."Id" = m."Id"
                         WHERE (SELECT count(*) FROM wikimatches) <= {dense}
                         ORDER BY m."UpdatedAt" DESC LIMIT {cap})
                        UNION ALL
                        (SELECT p."Id", p."Title", p."Slug", p."SearchVector" FROM "WikiPages" p
                         WHERE (SELECT count(*) FROM wikimatches) > {dense}
                           AND p."SearchVector" @@ websearch_to_tsquery('fr_unaccent', {q}) AND ({member} OR p."Visibility" = 'Public')
                         ORDER BY p."UpdatedAt" DESC LIMIT {cap})
                        UNION ALL
                        (SELECT p."Id", p."Title", p."Slug", p."SearchVector" FROM "WikiPages" p
                         WHERE to_tsvector('fr_unaccent', p."Title") = to_tsvector('fr_unaccent', {q})
                           AND p."SearchVector" @@ websearch_to_tsquery('fr_unaccent', {q})
                           AND ({member} OR p."Visibility" = 'Public')
                         ORDER BY p."UpdatedAt" DESC LIMIT {cap})
                    ) c
                    UNION ALL
                    SELECT 'structure', s."Id", s."Name", '/annuaire/structures/' || s."Slug", s."SearchVector", coalesce(s."Description", '')
                    FROM "Structures" s, q
                    WHERE s."SearchVector" @@ q.query
                    UNION ALL
                    SELECT 'outil', t."Id", t."Name", '/annuaire/outils/' || t."Slug", t."SearchVector", coalesce(t."Description", '')
                    FROM "DigitalTools" t, q
                    WHERE t."SearchVector" @@ q.query AND ({coordination} OR t."Status" = 'Listed')
                    UNION ALL
                    SELECT DISTINCT ON (c."Id") 'observation', c."Id", c."Title", '/observations/' || c."Id", c."SearchVector", NULL
                    FROM (
                        (SELECT o."Id", o."Title", o."SearchVector" FROM observationmatches m JOIN "Observations" o ON o."Id" = m."Id"
                         WHERE (SELECT count(*) FROM observationmatches) <= {dense}
                         ORDER BY o."Id" DESC LIMIT {cap})
                        UNION ALL
                        (SELECT o."Id", o."Title", o."SearchVector" FROM "Observations" o
                         WHERE {member} AND (SELECT count(*) FROM observationmatches) > {dense}
                           AND o."SearchVector" @@ websearch_to_tsquery('fr_unaccent', {q})
                           AND ({coordination} OR o."Status" = 'Validee' OR o."CreatedById" = {userId})
                         ORDER BY o."Id" DESC LIMIT {cap})
                        UNION ALL
                        (SELECT o."Id", o."Title", o."SearchVector" FROM "Observations" o
                         WHERE {member} AND to_tsvector('fr_unaccent', o."Title") = to_tsvector('fr_unaccent', {q})
                           AND o."SearchVector" @@ websearch_to_tsquery('fr_unaccent', {q})
                           AND ({coordination} OR o."Status" = 'Validee' OR o."CreatedById" = {userId})
                         ORDER BY o."Id" DESC LIMIT {cap})
                    ) c
                ) h, q
                ORDER BY "Rank" DESC, h."Title"
                LIMIT 50
            )
            SELECT h."Kind", h."Title", h."Url", h."Rank",
                   ts_headline('fr_unaccent', replace(replace(
                       substr(t.body, greatest(1, strpos(lower(unaccent(t.body)), w.word) - 200), 1000),
                       {start}, ''), {stop}, ''), q.query, {options}) AS "Excerpt"
            FROM top h
            CROSS JOIN q
            CROSS JOIN (SELECT coalesce((regexp_match(query::text, '''([^'']+)'''))[1], '') AS word FROM q) w
            LEFT JOIN "WikiPages" p ON h."Kind" = 'wiki' AND p."Id" = h."Id"
            LEFT JOIN "Observations" o ON h."Kind" = 'observation' AND o."Id" = h."Id"
            CROSS JOIN LATERAL (SELECT left(CASE h."Kind"
                    WHEN 'wiki' THEN p."PlainText"
                    WHEN 'observation' THEN concat_ws(' ', o."Description", o."WhatWorked", o."Difficulties")
                    ELSE h."Text"
                END, 20000) AS body) t
            ORDER BY h."Rank" DESC, h."Title"
            """).ToListAsync(ct);
        hits.AddRange(await GroupsSearch.SearchAsync(db, q, ct));
        Hits = hits.OrderByDescending(h => h.Rank).ThenBy(h => h.Title, French.Order).Take(MaxHits).ToList();
    }

    public static string KindLabel(string kind) => kind switch
    {
        "wiki" => "Page du wiki",
        "structure" => "Structure",
        "outil" => "Outil numérique",
        "observation" => "Observation",
        _ => GroupsSearch.KindLabel(kind) ?? kind,
    };

    /// <summary>The headline HTML-encoded, with only the match markers turned into &lt;mark&gt;.</summary>
    public static IHtmlContent Highlight(string excerpt)
    {
        var sb = new StringBuilder();
        var inMark = false;
        foreach (var part in excerpt.Split([HeadlineMarkers.Start, HeadlineMarkers.Stop], StringSplitOptions.None).Select((text, i) => (text, i)))
        {
            if (part.i > 0)
            {
                sb.Append(inMark ? "</mark>" : "<mark>");
                inMark = !inMark;
            }
            sb.Append(WebUtility.HtmlEncode(part.text));
        }
        if (inMark) sb.Append("</mark>");
        return new HtmlString(sb.ToString());
    }
}
