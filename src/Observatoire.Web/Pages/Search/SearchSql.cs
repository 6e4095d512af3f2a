namespace Observatoire.Web.Pages.Search;

/// <summary>Markers ts_headline puts around matches: stripped from the text first, then turned into &lt;mark&gt; after encoding.</summary>
internal static class HeadlineMarkers
{
    public const string Start = "⟦";
    public const string Stop = "⟧";
    public const string Options = $"StartSel=\"{Start}\", StopSel=\"{Stop}\", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
}

/// <summary>
/// Indexes of migration ListAndSearchSpeed: the title as a French search vector, in a btree, so that the search finds
/// the pages and observations titled exactly with the query's words (accents and plurals ignored) by one index
/// look-up, whatever their age; the recency column second lets it stop after the most recent ones when thousands
/// share a title (the generated data repeats "Café numérique": 500 ms without it). The expressions must stay exactly those of the search query in Index.cshtml.cs.
/// </summary>
public static class SearchIndexSql
{
    public const string Up = """
        CREATE INDEX "IX_WikiPages_TitleVector" ON "WikiPages" (to_tsvector('fr_unaccent'::regconfig, "Title"), "UpdatedAt");
        CREATE INDEX "IX_Observations_TitleVector" ON "Observations" (to_tsvector('fr_unaccent'::regconfig, "Title"), "Id");
        """;

    public const string Down = """
        DROP INDEX IF EXISTS "IX_Observations_TitleVector";
        DROP INDEX IF EXISTS "IX_WikiPages_TitleVector";
        """;
}
