using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// The wiki pages and the observations a search matches, at most <c>n</c> of each, always through the GIN index on
    /// "SearchVector" (issue #20.2). Left to the planner, a search's LIMIT chose a scan that stops at the first matches
    /// whenever the words' statistics said they were common; a short word that the lemma dictionary expands into a dozen
    /// alternatives (« CV ») looked common while one wiki page of 100,000 held it, and the scan read every page (555 ms).
    /// A function with its own settings is not inlined: inside it only the bitmap scan of the GIN index remains, whose
    /// cost does not depend on the guess (20 ms for words on every one of 100,000 pages, under 1 ms for rare ones).
    /// /recherche counts these matches to choose how to pick the most recent ones. Each function applies the visibility
    /// rules of its source as /recherche states them.
    /// </summary>
    public partial class SearchMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION wiki_search_matches(query tsquery, member boolean, n integer)
                RETURNS TABLE ("Id" integer, "UpdatedAt" timestamptz) LANGUAGE sql STABLE
                SET enable_seqscan = off SET enable_indexscan = off
                AS $fn$
                  SELECT p."Id", p."UpdatedAt" FROM "WikiPages" p
                  WHERE p."SearchVector" @@ query AND (member OR p."Visibility" = 'Public')
                  LIMIT n
                $fn$;

                -- Observations are for members; Coordination reads every one, others the validated ones and their own.
                CREATE FUNCTION observation_search_matches(query tsquery, member boolean, coordination boolean, author text, n integer)
                RETURNS TABLE ("Id" integer) LANGUAGE sql STABLE
                SET enable_seqscan = off SET enable_indexscan = off
                AS $fn$
                  SELECT o."Id" FROM "Observations" o
                  WHERE member AND o."SearchVector" @@ query
                    AND (coordination OR o."Status" = 'Validee' OR o."CreatedById" = author)
                  LIMIT n
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION observation_search_matches(tsquery, boolean, boolean, text, integer);
                DROP FUNCTION wiki_search_matches(tsquery, boolean, integer);
                """);
        }
    }
}
