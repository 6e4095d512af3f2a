namespace Observatoire.Web.Data.Configurations;

/// <summary>Builds the SQL of stored, weighted French full-text vectors (accents ignored).</summary>
internal static class SearchVectorSql
{
    /// <param name="weighted">Columns with their weight, most important first: ("name", 'A').</param>
    public static string For(params (string Column, char Weight)[] weighted) =>
        string.Join(" || ", weighted.Select(c =>
            $"setweight(to_tsvector('{ObservatoireDbContext.SearchConfig}'::regconfig, coalesce(\"{c.Column}\", '')), '{c.Weight}')"));
}
