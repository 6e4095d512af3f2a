using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Pages.Search;

/// <summary>
/// One French full-text search (accents and plurals ignored) over wiki pages, structures, tools and observations,
/// ranked, with highlighted excerpts. Visitors without an account never see observations, nor members-only pages.
/// </summary>
public class IndexModel(ObservatoireDbContext db) : PageModel
{
    public const int MaxQueryLength = 200;

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
        var member = WikiAccess.IsMember(User);
        var coordination = WikiAccess.IsCoordination(User);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var options = HeadlineMarkers.Options;
        var start = HeadlineMarkers.Start;
        var stop = HeadlineMarkers.Stop;
        Hits = await db.Database.SqlQuery<Hit>($"""
            WITH q AS (SELECT websearch_to_tsquery('fr_unaccent', {q}) AS query)
            SELECT h."Kind", h."Title", h."Url", h."Rank",
                   ts_headline('fr_unaccent', replace(replace(h."Text", {start}, ''), {stop}, ''), q.query, {options}) AS "Excerpt"
            FROM (
                SELECT 'wiki' AS "Kind", p."Title", '/wiki/' || p."Slug" AS "Url", ts_rank(p."SearchVector", q.query) AS "Rank",
                       left(p."PlainText", 20000) AS "Text"
                FROM "WikiPages" p, q
                WHERE p."SearchVector" @@ q.query AND ({member} OR p."Visibility" = 'Public')
                UNION ALL
                SELECT 'structure', s."Name", '/annuaire/structures/' || s."Slug", ts_rank(s."SearchVector", q.query), coalesce(s."Description", '')
                FROM "Structures" s, q
                WHERE s."SearchVector" @@ q.query
                UNION ALL
                SELECT 'outil', t."Name", '/annuaire/outils/' || t."Slug", ts_rank(t."SearchVector", q.query), coalesce(t."Description", '')
                FROM "DigitalTools" t, q
                WHERE t."SearchVector" @@ q.query AND ({coordination} OR t."Status" = 'Listed')
                UNION ALL
                SELECT 'observation', o."Title", '/observations/' || o."Id", ts_rank(o."SearchVector", q.query),
                       left(concat_ws(' ', o."Description", o."WhatWorked", o."Difficulties"), 20000)
                FROM "Observations" o, q
                WHERE {member} AND o."SearchVector" @@ q.query
                  AND ({coordination} OR o."Status" = 'Validee' OR o."CreatedById" = {userId})
            ) h, q
            ORDER BY h."Rank" DESC, h."Title"
            LIMIT 50
            """).ToListAsync(ct);
    }

    public static string KindLabel(string kind) => kind switch
    {
        "wiki" => "Page du wiki",
        "structure" => "Structure",
        "outil" => "Outil numérique",
        "observation" => "Observation",
        _ => kind,
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
