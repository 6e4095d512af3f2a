using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// The wiki pages a search matches, at most <c>n</c>, always through the GIN index on "SearchVector" (issue #20.2). Left
    /// to the planner, a search's LIMIT chose a scan that stops at the first matches whenever the words' statistics said
    /// they were common; a short word that the lemma dictionary expands into a dozen alternatives (« CV ») looked common
    /// while one page of 100,000 held it, and the scan read every page (555 ms). A function with its own settings is not
    /// inlined: inside it only the bitmap scan of the GIN index remains, whose cost does not depend on the guess (20 ms for
    /// words on every page, under 1 ms for rare ones). /recherche counts these matches to choose how to pick the most
    /// recent ones.
    /// </summary>
    public partial class WikiSearchMatches : Migration
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION wiki_search_matches(tsquery, boolean, integer);");
        }
    }
}
