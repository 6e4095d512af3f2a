namespace Observatoire.Web.Analysis;

/// <summary>
/// SQL that keeps the analysis rollups in step with the observations, inside the writing transaction:
/// a trigger on Observations and on its three link tables recomputes the observation's fact row, subtracts
/// the old row from the monthly cells and adds the new one. Called by the AnalysisRollups migration.
/// </summary>
/// <remarks>
/// Bulk loads (the benchmark generator) disable the triggers, COPY, then call <c>SELECT analysis_rebuild()</c>.
/// Enum columns hold the members' external names (<c>'Validee'</c>, <c>'Decouverte'</c>…, see <see cref="Domain.ExternalNameAttribute"/>),
/// not their English names in the code.
/// </remarks>
public static class AnalysisSql
{
    /// <summary>The fact row of one observation as it should be now (no row when it is not validated).</summary>
    private const string FactSelect = """
        SELECT o."Id", o."ObservedOn", date_trunc('month', o."ObservedOn")::date, o."TerritoryId", o."StructureId",
               o."ParticipantsCount",
               CASE o."AppropriationLevel" WHEN 'Decouverte' THEN 1 WHEN 'PriseEnMain' THEN 2
                                           WHEN 'UsageRegulier' THEN 3 ELSE 4 END,
               ARRAY(SELECT DISTINCT l."ThemesId" FROM "ObservationThemes" l WHERE l."ObservationId" = o."Id" ORDER BY 1),
               ARRAY(SELECT DISTINCT l."AudiencesId" FROM "ObservationAudiences" l WHERE l."ObservationId" = o."Id" ORDER BY 1),
               ARRAY(SELECT DISTINCT l."ToolsId" FROM "ObservationTools" l WHERE l."ObservationId" = o."Id" ORDER BY 1)
        FROM "Observations" o
        """;

    private const string FactColumns = """
        "ObservationId", "ObservedOn", "Month", "TerritoryId", "StructureId", "Participants", "Level",
        "ThemeIds", "AudienceIds", "ToolIds"
        """;

    public const string CreateFunctions = $$"""
        -- Adds (sign = 1) or removes (sign = -1) one fact row from the monthly cells. Rows are touched in key
        -- order so that two transactions never lock the same cells in opposite orders.
        CREATE OR REPLACE FUNCTION analysis_apply(f "AnalysisFacts", sign int) RETURNS void LANGUAGE sql AS $fn$
          INSERT INTO "AnalysisCells" AS c ("ThemeId", "AudienceId", "Month", "TerritoryId", "StructureId",
                 "Observations", "Participants", "Level1", "Level2", "Level3", "Level4")
          SELECT t, a, f."Month", f."TerritoryId", f."StructureId", sign, sign * f."Participants",
                 sign * (f."Level" = 1)::int, sign * (f."Level" = 2)::int, sign * (f."Level" = 3)::int, sign * (f."Level" = 4)::int
          FROM unnest(ARRAY[0] || f."ThemeIds") t, unnest(ARRAY[0] || f."AudienceIds") a
          ORDER BY 1, 2
          ON CONFLICT ("ThemeId", "AudienceId", "Month", "TerritoryId", "StructureId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations",
            "Participants" = c."Participants" + EXCLUDED."Participants",
            "Level1" = c."Level1" + EXCLUDED."Level1", "Level2" = c."Level2" + EXCLUDED."Level2",
            "Level3" = c."Level3" + EXCLUDED."Level3", "Level4" = c."Level4" + EXCLUDED."Level4";
          DELETE FROM "AnalysisCells" c
          WHERE c."Observations" = 0 AND c."Month" = f."Month" AND c."TerritoryId" = f."TerritoryId"
            AND c."StructureId" = f."StructureId" AND c."ThemeId" = ANY(ARRAY[0] || f."ThemeIds")
            AND c."AudienceId" = ANY(ARRAY[0] || f."AudienceIds");
          INSERT INTO "AnalysisToolCells" AS c ("ThemeId", "Month", "TerritoryId", "ToolId", "Observations")
          SELECT t, f."Month", f."TerritoryId", tool, sign
          FROM unnest(ARRAY[0] || f."ThemeIds") t, unnest(f."ToolIds") tool
          ORDER BY 1, 4
          ON CONFLICT ("ThemeId", "Month", "TerritoryId", "ToolId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations";
          DELETE FROM "AnalysisToolCells" c
          WHERE c."Observations" = 0 AND c."Month" = f."Month" AND c."TerritoryId" = f."TerritoryId"
            AND c."ThemeId" = ANY(ARRAY[0] || f."ThemeIds") AND c."ToolId" = ANY(f."ToolIds");
        $fn$;

        CREATE OR REPLACE FUNCTION analysis_refresh(obs int) RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE f "AnalysisFacts";
        BEGIN
          -- One refresh of a given observation at a time: the second waits and then sees the first's rows.
          PERFORM pg_advisory_xact_lock(1380, obs);
          DELETE FROM "AnalysisFacts" WHERE "ObservationId" = obs RETURNING * INTO f;
          IF FOUND THEN PERFORM analysis_apply(f, -1); END IF;
          INSERT INTO "AnalysisFacts" ({{FactColumns}})
          {{FactSelect}}
          WHERE o."Id" = obs AND o."Status" = 'Validee'
          RETURNING * INTO f;
          IF FOUND THEN PERFORM analysis_apply(f, 1); END IF;
        END $fn$;

        CREATE OR REPLACE FUNCTION analysis_observation_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM analysis_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END);
          RETURN NULL;
        END $fn$;

        CREATE OR REPLACE FUNCTION analysis_link_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM analysis_refresh(OLD."ObservationId"); END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM analysis_refresh(NEW."ObservationId"); END IF;
          RETURN NULL;
        END $fn$;

        -- Rebuilds every rollup from the observations, set-based: after a bulk load, or to repair.
        CREATE OR REPLACE FUNCTION analysis_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          LOCK TABLE "AnalysisFacts", "AnalysisCells", "AnalysisToolCells" IN ACCESS EXCLUSIVE MODE;
          TRUNCATE "AnalysisFacts", "AnalysisCells", "AnalysisToolCells";
          INSERT INTO "AnalysisFacts" ({{FactColumns}})
          SELECT o."Id", o."ObservedOn", date_trunc('month', o."ObservedOn")::date, o."TerritoryId", o."StructureId",
                 o."ParticipantsCount",
                 CASE o."AppropriationLevel" WHEN 'Decouverte' THEN 1 WHEN 'PriseEnMain' THEN 2
                                             WHEN 'UsageRegulier' THEN 3 ELSE 4 END,
                 coalesce(th.ids, '{}'), coalesce(au.ids, '{}'), coalesce(tl.ids, '{}')
          FROM "Observations" o
          LEFT JOIN (SELECT "ObservationId", array_agg(DISTINCT "ThemesId" ORDER BY "ThemesId") ids
                     FROM "ObservationThemes" GROUP BY 1) th ON th."ObservationId" = o."Id"
          LEFT JOIN (SELECT "ObservationId", array_agg(DISTINCT "AudiencesId" ORDER BY "AudiencesId") ids
                     FROM "ObservationAudiences" GROUP BY 1) au ON au."ObservationId" = o."Id"
          LEFT JOIN (SELECT "ObservationId", array_agg(DISTINCT "ToolsId" ORDER BY "ToolsId") ids
                     FROM "ObservationTools" GROUP BY 1) tl ON tl."ObservationId" = o."Id"
          WHERE o."Status" = 'Validee'
          ORDER BY o."ObservedOn"; -- the edge days of a period are then a few contiguous pages
          INSERT INTO "AnalysisCells" ("ThemeId", "AudienceId", "Month", "TerritoryId", "StructureId",
                 "Observations", "Participants", "Level1", "Level2", "Level3", "Level4")
          SELECT t, a, f."Month", f."TerritoryId", f."StructureId", count(*), sum(f."Participants"),
                 count(*) FILTER (WHERE f."Level" = 1), count(*) FILTER (WHERE f."Level" = 2),
                 count(*) FILTER (WHERE f."Level" = 3), count(*) FILTER (WHERE f."Level" = 4)
          FROM "AnalysisFacts" f, unnest(ARRAY[0] || f."ThemeIds") t, unnest(ARRAY[0] || f."AudienceIds") a
          GROUP BY 1, 2, 3, 4, 5
          ORDER BY 1, 2, 3, 4, 5; -- stored in key order: a slice is then a few contiguous pages

          INSERT INTO "AnalysisToolCells" ("ThemeId", "Month", "TerritoryId", "ToolId", "Observations")
          SELECT t, f."Month", f."TerritoryId", tool, count(*)
          FROM "AnalysisFacts" f, unnest(ARRAY[0] || f."ThemeIds") t, unnest(f."ToolIds") tool
          GROUP BY 1, 2, 3, 4
          ORDER BY 1, 2, 3, 4;
          ANALYZE "AnalysisFacts", "AnalysisCells", "AnalysisToolCells";
        END $fn$;
        """;

    public const string CreateTriggers = """
        CREATE TRIGGER analysis_observations
          AFTER INSERT OR DELETE OR UPDATE OF "Status", "ObservedOn", "StructureId", "TerritoryId",
                                              "ParticipantsCount", "AppropriationLevel"
          ON "Observations" FOR EACH ROW EXECUTE FUNCTION analysis_observation_changed();
        CREATE TRIGGER analysis_observation_themes AFTER INSERT OR DELETE OR UPDATE ON "ObservationThemes"
          FOR EACH ROW EXECUTE FUNCTION analysis_link_changed();
        CREATE TRIGGER analysis_observation_audiences AFTER INSERT OR DELETE OR UPDATE ON "ObservationAudiences"
          FOR EACH ROW EXECUTE FUNCTION analysis_link_changed();
        CREATE TRIGGER analysis_observation_tools AFTER INSERT OR DELETE OR UPDATE ON "ObservationTools"
          FOR EACH ROW EXECUTE FUNCTION analysis_link_changed();
        """;

    /// <summary>Existing observations (e.g. demo data loaded before this migration) enter the rollups.</summary>
    public const string Rebuild = "SELECT analysis_rebuild();";

    public const string Drop = """
        DROP TRIGGER IF EXISTS analysis_observations ON "Observations";
        DROP TRIGGER IF EXISTS analysis_observation_themes ON "ObservationThemes";
        DROP TRIGGER IF EXISTS analysis_observation_audiences ON "ObservationAudiences";
        DROP TRIGGER IF EXISTS analysis_observation_tools ON "ObservationTools";
        DROP FUNCTION IF EXISTS analysis_link_changed();
        DROP FUNCTION IF EXISTS analysis_observation_changed();
        DROP FUNCTION IF EXISTS analysis_rebuild();
        DROP FUNCTION IF EXISTS analysis_refresh(int);
        DROP FUNCTION IF EXISTS analysis_apply("AnalysisFacts", int);
        """;

    /// <summary>Triggers off during a bulk COPY; <see cref="Rebuild"/> afterwards.</summary>
    public const string DisableTriggers = """
        ALTER TABLE "Observations" DISABLE TRIGGER analysis_observations;
        ALTER TABLE "ObservationThemes" DISABLE TRIGGER analysis_observation_themes;
        ALTER TABLE "ObservationAudiences" DISABLE TRIGGER analysis_observation_audiences;
        ALTER TABLE "ObservationTools" DISABLE TRIGGER analysis_observation_tools;
        """;

    public const string EnableTriggers = """
        ALTER TABLE "Observations" ENABLE TRIGGER analysis_observations;
        ALTER TABLE "ObservationThemes" ENABLE TRIGGER analysis_observation_themes;
        ALTER TABLE "ObservationAudiences" ENABLE TRIGGER analysis_observation_audiences;
        ALTER TABLE "ObservationTools" ENABLE TRIGGER analysis_observation_tools;
        """;

    /// <summary>
    /// Survey rollup: answers are added by a statement trigger (one pass per INSERT, whatever its size); a deleted
    /// response is subtracted before its answers cascade away; answers deleted on their own are subtracted while
    /// their response still exists. A question's respondents (ValueKey -1) count each response once.
    /// </summary>
    public const string SurveyFunctions = """
        CREATE OR REPLACE FUNCTION survey_rollup_add(sign int, rows_json jsonb) RETURNS void LANGUAGE sql AS $fn$
          WITH a AS (
            SELECT (x->>'Id')::bigint id, (x->>'ResponseId')::bigint response, (x->>'QuestionId')::int question,
                   coalesce((x->>'OptionId')::int, (x->>'TerritoryId')::int, (x->>'ToolId')::int, 0) value,
                   (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date AS day
            FROM jsonb_array_elements(rows_json) x JOIN "Responses" r ON r."Id" = (x->>'ResponseId')::bigint),
          cells AS (
            SELECT question, day, value, count(*)::int n FROM a GROUP BY 1, 2, 3
            UNION ALL
            -- A respondent enters (or leaves) a question with its first (or last) answer row to it, whether
            -- the rows come in one statement or several.
            SELECT question, day, -1, count(DISTINCT response)::int FROM a
            WHERE NOT EXISTS (SELECT 1 FROM "Answers" e WHERE e."ResponseId" = a.response AND e."QuestionId" = a.question
                                AND e."Id" NOT IN (SELECT id FROM a))
            GROUP BY 1, 2)
          INSERT INTO "SurveyAnswerDays" AS d ("QuestionId", "Day", "ValueKey", "Count")
          SELECT question, day, value, sign * n FROM cells ORDER BY 1, 2, 3
          ON CONFLICT ("QuestionId", "Day", "ValueKey") DO UPDATE SET "Count" = d."Count" + EXCLUDED."Count";
        $fn$;

        CREATE OR REPLACE FUNCTION survey_answers_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM survey_rollup_add(1, (SELECT jsonb_agg(to_jsonb(n)) FROM new_rows n));
          RETURN NULL;
        END $fn$;

        CREATE OR REPLACE FUNCTION survey_answers_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          -- Rows whose response is gone were subtracted by survey_response_deleted (the join drops them).
          PERFORM survey_rollup_add(-1, (SELECT jsonb_agg(to_jsonb(o)) FROM old_rows o));
          RETURN NULL;
        END $fn$;

        CREATE OR REPLACE FUNCTION survey_response_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM survey_rollup_add(-1, (SELECT jsonb_agg(to_jsonb(a)) FROM "Answers" a WHERE a."ResponseId" = OLD."Id"));
          RETURN OLD;
        END $fn$;

        CREATE TRIGGER survey_answers_inserted AFTER INSERT ON "Answers"
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_inserted();
        CREATE TRIGGER survey_answers_deleted AFTER DELETE ON "Answers"
          REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_deleted();
        CREATE TRIGGER survey_response_deleted BEFORE DELETE ON "Responses"
          FOR EACH ROW EXECUTE FUNCTION survey_response_deleted();

        """;

    /// <summary>Recomputes the survey rollup from every answer: after the migration and after a bulk load.</summary>
    public const string SurveyRebuild = """
        TRUNCATE "SurveyAnswerDays";
        INSERT INTO "SurveyAnswerDays" ("QuestionId", "Day", "ValueKey", "Count")
        SELECT q, d, v, n FROM (
          SELECT a."QuestionId" q, (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date d,
                 coalesce(a."OptionId", a."TerritoryId", a."ToolId", 0) v, count(*)::int n
          FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2, 3
          UNION ALL
          SELECT a."QuestionId", (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date, -1, count(DISTINCT a."ResponseId")::int
          FROM "Answers" a JOIN "Responses" r ON r."Id" = a."ResponseId" GROUP BY 1, 2) s;
        """;

    /// <summary>
    /// Shards of the survey rollup (migration SurveyAnswerShards). Every response of a day used to add to the same
    /// few rows (day × question × value), so concurrent submissions queued on their row locks, each held through a
    /// durable commit (35 of 40 backends waiting at ~100 responses/s). Each writer now adds to its own copy of the
    /// rows, chosen by its backend pid: a backend runs one transaction at a time, so two submissions only meet when
    /// their pids share a shard. Readers sum over shards (Indicators already sums over days), so figures stay exact at
    /// every commit. <c>survey_rollup_compact</c> folds the shards of past days into shard 0, so a year of
    /// dashboard reads as few rows as before. This replaces only the upsert; the trigger functions are unchanged.
    /// </summary>
    public const string SurveyShards = """
        -- plpgsql rather than sql: its plan is cached per backend (a sql function is planned at every call, which
        -- was a third of the trigger's time: three calls per response, one per INSERT statement of answers).
        CREATE OR REPLACE FUNCTION survey_rollup_add(sign int, rows_json jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          WITH a AS (
            SELECT (x->>'Id')::bigint id, (x->>'ResponseId')::bigint response, (x->>'QuestionId')::int question,
                   coalesce((x->>'OptionId')::int, (x->>'TerritoryId')::int, (x->>'ToolId')::int, 0) value,
                   (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date AS day
            FROM jsonb_array_elements(rows_json) x JOIN "Responses" r ON r."Id" = (x->>'ResponseId')::bigint),
          cells AS (
            SELECT question, day, value, count(*)::int n FROM a GROUP BY 1, 2, 3
            UNION ALL
            -- A respondent enters (or leaves) a question with its first (or last) answer row to it, whether
            -- the rows come in one statement or several.
            SELECT question, day, -1, count(DISTINCT response)::int FROM a
            WHERE NOT EXISTS (SELECT 1 FROM "Answers" e WHERE e."ResponseId" = a.response AND e."QuestionId" = a.question
                                AND e."Id" NOT IN (SELECT id FROM a))
            GROUP BY 1, 2)
          INSERT INTO "SurveyAnswerDays" AS d ("QuestionId", "Day", "ValueKey", "Shard", "Count")
          SELECT question, day, value, (pg_backend_pid() % 64)::smallint, sign * n FROM cells ORDER BY 1, 2, 3
          ON CONFLICT ("QuestionId", "Day", "ValueKey", "Shard") DO UPDATE SET "Count" = d."Count" + EXCLUDED."Count";
        END $fn$;

        -- Folds the shards of days before @before into shard 0, in one statement: a reader sees the rows either
        -- before or after, with the same sums. Returns the number of shard-0 rows written.
        CREATE OR REPLACE FUNCTION survey_rollup_compact(before date) RETURNS bigint LANGUAGE sql AS $fn$
          WITH moved AS (
            DELETE FROM "SurveyAnswerDays" WHERE "Day" < before AND "Shard" <> 0
            RETURNING "QuestionId", "Day", "ValueKey", "Count"),
          folded AS (
            INSERT INTO "SurveyAnswerDays" AS d ("QuestionId", "Day", "ValueKey", "Shard", "Count")
            SELECT "QuestionId", "Day", "ValueKey", 0, sum("Count")::int FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT ("QuestionId", "Day", "ValueKey", "Shard") DO UPDATE SET "Count" = d."Count" + EXCLUDED."Count"
            RETURNING 1)
          SELECT count(*) FROM folded;
        $fn$;
        """;

    /// <summary>Folds the shards of the days before today (Tours time): no response is written to them any more.</summary>
    public const string SurveyCompactPastDays = """
        SELECT survey_rollup_compact((now() AT TIME ZONE 'Europe/Paris')::date)
        """;

    /// <summary>Back to one row per day, question and value, with the upsert of <see cref="SurveyFunctions"/>.</summary>
    public const string DropSurveyShards = """
        SELECT survey_rollup_compact('infinity');
        DROP FUNCTION IF EXISTS survey_rollup_compact(date);
        """;

    public const string DropSurveyFunctions = """
        DROP TRIGGER IF EXISTS survey_answers_inserted ON "Answers";
        DROP TRIGGER IF EXISTS survey_answers_deleted ON "Answers";
        DROP TRIGGER IF EXISTS survey_response_deleted ON "Responses";
        DROP FUNCTION IF EXISTS survey_answers_inserted();
        DROP FUNCTION IF EXISTS survey_answers_deleted();
        DROP FUNCTION IF EXISTS survey_response_deleted();
        DROP FUNCTION IF EXISTS survey_rollup_add(int, jsonb);
        """;
}
