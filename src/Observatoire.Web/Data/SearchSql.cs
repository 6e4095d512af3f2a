namespace Observatoire.Web.Data;

/// <summary>SQL of the French, accent-insensitive text search configuration used by every search vector.</summary>
public static class SearchSql
{
    public const string CreateConfiguration = $"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{ObservatoireDbContext.SearchConfig}') THEN
            CREATE TEXT SEARCH CONFIGURATION {ObservatoireDbContext.SearchConfig} (COPY = pg_catalog.french);
            ALTER TEXT SEARCH CONFIGURATION {ObservatoireDbContext.SearchConfig}
              ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
          END IF;
        END $$;
        """;

    public const string DropConfiguration = $"DROP TEXT SEARCH CONFIGURATION IF EXISTS {ObservatoireDbContext.SearchConfig};";
}
