namespace Observatoire.Web.Analysis;

/// <summary>
/// SQL of the DashboardToolRollups migration: two more tool rollups kept by the analysis triggers, and the
/// version numbers the dashboard cache is keyed by.
/// </summary>
/// <remarks>
/// The first analysis functions (<see cref="AnalysisSql.CreateFunctions"/>) stay as they are, renamed
/// <c>analysis_apply_cells</c> and <c>analysis_rebuild_cells</c>; the new <c>analysis_apply</c> and
/// <c>analysis_rebuild</c> call them and then maintain the tool rollups, so <c>analysis_refresh</c>, its
/// triggers and <c>SELECT analysis_rebuild()</c> keep working unchanged.
/// </remarks>
public static class DashboardRollupSql
{
    /// <summary>Advisory lock class (first key) of the version writers; second key 1 = observations, 2 = surveys.</summary>
    public const int VersionLockClass = 1381;

    public const string CreateFunctions = """
        CREATE SEQUENCE analysis_version;
        CREATE SEQUENCE survey_version;
        -- A new sequence's first nextval leaves last_value as it is: take it now, so every bump is visible.
        SELECT nextval('analysis_version'), nextval('survey_version');

        -- Writers hold the lock (shared, so they never wait for each other) until they commit: a dashboard
        -- reader that cannot take it exclusively right after reading the version knows that a write counted in
        -- that version may not be visible yet, and does not cache what it computes.
        CREATE FUNCTION dashboard_version_bump(k int) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM pg_advisory_xact_lock_shared(1381, k);
          PERFORM nextval(CASE k WHEN 1 THEN 'analysis_version'::regclass ELSE 'survey_version'::regclass END);
        END $fn$;

        CREATE FUNCTION dashboard_version_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM dashboard_version_bump(TG_ARGV[0]::int);
          RETURN NULL;
        END $fn$;

        ALTER FUNCTION analysis_apply("AnalysisFacts", int) RENAME TO analysis_apply_cells;
        ALTER FUNCTION analysis_rebuild() RENAME TO analysis_rebuild_cells;

        -- Adds (sign = 1) or removes (sign = -1) one fact row from every rollup, rows touched in key order.
        CREATE FUNCTION analysis_apply(f "AnalysisFacts", sign int) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM analysis_apply_cells(f, sign);
          INSERT INTO "AnalysisToolDetailCells" AS c
                 ("AudienceId", "ThemeId", "Month", "TerritoryId", "StructureId", "ToolId", "Observations")
          SELECT a, t, f."Month", f."TerritoryId", f."StructureId", tool, sign
          FROM unnest(ARRAY[0] || f."AudienceIds") a, unnest(ARRAY[0] || f."ThemeIds") t, unnest(f."ToolIds") tool
          ORDER BY 1, 2, 6
          ON CONFLICT ("AudienceId", "ThemeId", "Month", "TerritoryId", "StructureId", "ToolId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations";
          DELETE FROM "AnalysisToolDetailCells" c
          WHERE c."Observations" = 0 AND c."Month" = f."Month" AND c."TerritoryId" = f."TerritoryId"
            AND c."StructureId" = f."StructureId" AND c."AudienceId" = ANY(ARRAY[0] || f."AudienceIds")
            AND c."ThemeId" = ANY(ARRAY[0] || f."ThemeIds") AND c."ToolId" = ANY(f."ToolIds");
          INSERT INTO "AnalysisToolDays" AS c ("ThemeId", "Day", "TerritoryId", "ToolId", "Observations")
          SELECT t, f."ObservedOn", f."TerritoryId", tool, sign
          FROM unnest(ARRAY[0] || f."ThemeIds") t, unnest(f."ToolIds") tool
          ORDER BY 1, 4
          ON CONFLICT ("ThemeId", "Day", "TerritoryId", "ToolId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations";
          DELETE FROM "AnalysisToolDays" c
          WHERE c."Observations" = 0 AND c."Day" = f."ObservedOn" AND c."TerritoryId" = f."TerritoryId"
            AND c."ThemeId" = ANY(ARRAY[0] || f."ThemeIds") AND c."ToolId" = ANY(f."ToolIds");
          PERFORM dashboard_version_bump(1);
        END $fn$;

        -- The tool rollups from the fact rows, set-based.
        CREATE FUNCTION analysis_rebuild_tools() RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          LOCK TABLE "AnalysisToolDetailCells", "AnalysisToolDays" IN ACCESS EXCLUSIVE MODE;
          TRUNCATE "AnalysisToolDetailCells", "AnalysisToolDays";
          INSERT INTO "AnalysisToolDetailCells"
                 ("AudienceId", "ThemeId", "Month", "TerritoryId", "StructureId", "ToolId", "Observations")
          SELECT a, t, f."Month", f."TerritoryId", f."StructureId", tool, count(*)
          FROM "AnalysisFacts" f, unnest(ARRAY[0] || f."AudienceIds") a, unnest(ARRAY[0] || f."ThemeIds") t,
               unnest(f."ToolIds") tool
          GROUP BY 1, 2, 3, 4, 5, 6
          ORDER BY 1, 2, 3, 4, 5, 6;
          INSERT INTO "AnalysisToolDays" ("ThemeId", "Day", "TerritoryId", "ToolId", "Observations")
          SELECT t, f."ObservedOn", f."TerritoryId", tool, count(*)
          FROM "AnalysisFacts" f, unnest(ARRAY[0] || f."ThemeIds") t, unnest(f."ToolIds") tool
          GROUP BY 1, 2, 3, 4
          ORDER BY 1, 2, 3, 4;
          ANALYZE "AnalysisToolDetailCells", "AnalysisToolDays";
          -- Bulk loads write with triggers off: every cached dashboard is out of date.
          PERFORM dashboard_version_bump(1);
          PERFORM dashboard_version_bump(2);
        END $fn$;

        CREATE FUNCTION analysis_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM analysis_rebuild_cells();
          PERFORM analysis_rebuild_tools();
        END $fn$;
        """;

    /// <summary>
    /// Statement triggers: what the dashboard shows besides the observations' rollups (names, kinds, licences,
    /// the survey questions chosen, the responses). Observations themselves bump through analysis_apply.
    /// </summary>
    public const string CreateTriggers = """
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Themes"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Audiences"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Territories"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Structures"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DigitalTools"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
        CREATE TRIGGER dashboard_version AFTER TRUNCATE ON "Observations"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Surveys"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(2);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurveySections"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(2);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Questions"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(2);
        CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "QuestionOptions"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(2);
        CREATE TRIGGER dashboard_version AFTER INSERT OR DELETE OR TRUNCATE ON "Responses"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(2);
        CREATE TRIGGER dashboard_version AFTER INSERT OR DELETE OR TRUNCATE ON "Answers"
          FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(2);
        """;

    /// <summary>Fills the new rollups from the fact rows already there.</summary>
    public const string Fill = "SELECT analysis_rebuild_tools();";

    /// <summary>After a bulk load of survey responses (triggers off), so that cached dashboards are recomputed.</summary>
    public const string BumpSurveyVersion = "SELECT dashboard_version_bump(2);";

    /// <summary>The versions: not transactional, a bump is seen as soon as it is made, committed or not.</summary>
    public const string ReadVersions =
        "SELECT (SELECT last_value FROM analysis_version), (SELECT last_value FROM survey_version)";

    /// <summary>
    /// Run right after <see cref="ReadVersions"/>: true when no observation (or survey) writer is uncommitted. The
    /// exclusive try-locks last until the end of the implicit transaction of the batch: writers wait at most that long.
    /// </summary>
    public const string NoObservationWriter = "SELECT pg_try_advisory_xact_lock(1381, 1)";
    public const string NoWriter = "SELECT pg_try_advisory_xact_lock(1381, 1) AND pg_try_advisory_xact_lock(1381, 2)";

    public const string Drop = """
        DROP TRIGGER IF EXISTS dashboard_version ON "Themes";
        DROP TRIGGER IF EXISTS dashboard_version ON "Audiences";
        DROP TRIGGER IF EXISTS dashboard_version ON "Territories";
        DROP TRIGGER IF EXISTS dashboard_version ON "Structures";
        DROP TRIGGER IF EXISTS dashboard_version ON "DigitalTools";
        DROP TRIGGER IF EXISTS dashboard_version ON "Observations";
        DROP TRIGGER IF EXISTS dashboard_version ON "Surveys";
        DROP TRIGGER IF EXISTS dashboard_version ON "SurveySections";
        DROP TRIGGER IF EXISTS dashboard_version ON "Questions";
        DROP TRIGGER IF EXISTS dashboard_version ON "QuestionOptions";
        DROP TRIGGER IF EXISTS dashboard_version ON "Responses";
        DROP TRIGGER IF EXISTS dashboard_version ON "Answers";
        DROP FUNCTION analysis_rebuild();
        DROP FUNCTION analysis_rebuild_tools();
        DROP FUNCTION analysis_apply("AnalysisFacts", int);
        ALTER FUNCTION analysis_rebuild_cells() RENAME TO analysis_rebuild;
        ALTER FUNCTION analysis_apply_cells("AnalysisFacts", int) RENAME TO analysis_apply;
        DROP FUNCTION dashboard_version_changed();
        DROP FUNCTION dashboard_version_bump(int);
        DROP SEQUENCE survey_version;
        DROP SEQUENCE analysis_version;
        """;
}
