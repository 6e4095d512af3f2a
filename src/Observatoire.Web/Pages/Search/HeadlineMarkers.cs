namespace Observatoire.Web.Pages.Search;

/// <summary>Markers ts_headline puts around matches: stripped from the text first, then turned into &lt;mark&gt; after encoding.</summary>
internal static class HeadlineMarkers
{
    public const string Start = "⟦";
    public const string Stop = "⟧";
    public const string Options = $"StartSel=\"{Start}\", StopSel=\"{Stop}\", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";
}
