using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// Large imports bring the observation rollups up to date once, set-wise, instead of once per row written, and
    /// without <c>ALTER TABLE … DISABLE TRIGGER</c> (which needs the tables' owner and blocks every other writer):
    /// <list type="bullet">
    /// <item>the four row triggers get a <c>WHEN</c> clause: a transaction that sets <c>observatoire.skip_rollups</c>
    /// to <c>'on'</c> (<c>SET LOCAL</c>, so only its own writes) does not even queue their events;</item>
    /// <item><c>analysis_refresh_many(ids)</c> then does for all those observations what <c>analysis_refresh</c> does
    /// for one, summed per rollup cell (the old fact rows subtracted, the new ones added, cells left at zero deleted);</item>
    /// <item>a set refresh holds advisory lock (1382, 0) exclusively, which <c>analysis_refresh</c> now takes shared:
    /// it never runs beside a row refresh of another transaction (row refreshes still never wait for each other).</item>
    /// </list>
    /// Down puts back the Baseline's triggers and <c>analysis_refresh</c>.
    /// </summary>
    public partial class SetWiseRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Install);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Remove);
        }

        private const string Install =
        """
        -- Writers of single observations take this lock shared (they never wait for each other); a set refresh takes it
        -- exclusively, so that it never recomputes an observation while another transaction is refreshing it.
        CREATE OR REPLACE FUNCTION analysis_refresh(obs int) RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE f "AnalysisFacts";
        BEGIN
          PERFORM pg_advisory_xact_lock_shared(1382, 0);
          -- One refresh of a given observation at a time: the second waits and then sees the first's rows.
          PERFORM pg_advisory_xact_lock(1380, obs);
          DELETE FROM "AnalysisFacts" WHERE "ObservationId" = obs RETURNING * INTO f;
          IF FOUND THEN PERFORM analysis_apply(f, -1); END IF;
          INSERT INTO "AnalysisFacts" ("ObservationId", "ObservedOn", "Month", "TerritoryId", "StructureId", "Participants", "Level",
        "ThemeIds", "AudienceIds", "ToolIds")
          SELECT o."Id", o."ObservedOn", date_trunc('month', o."ObservedOn")::date, o."TerritoryId", o."StructureId",
               o."ParticipantsCount",
               CASE o."AppropriationLevel" WHEN 'Decouverte' THEN 1 WHEN 'PriseEnMain' THEN 2
                                           WHEN 'UsageRegulier' THEN 3 ELSE 4 END,
               ARRAY(SELECT DISTINCT l."ThemesId" FROM "ObservationThemes" l WHERE l."ObservationId" = o."Id" ORDER BY 1),
               ARRAY(SELECT DISTINCT l."AudiencesId" FROM "ObservationAudiences" l WHERE l."ObservationId" = o."Id" ORDER BY 1),
               ARRAY(SELECT DISTINCT l."ToolsId" FROM "ObservationTools" l WHERE l."ObservationId" = o."Id" ORDER BY 1)
        FROM "Observations" o
          WHERE o."Id" = obs AND o."Status" = 'Validee'
          RETURNING * INTO f;
          IF FOUND THEN PERFORM analysis_apply(f, 1); END IF;
        END $fn$;

        -- Brings the rollups of many observations up to date in one pass: what analysis_refresh does for each, summed.
        -- The old fact rows are subtracted and the new ones added per rollup cell (one INSERT … ON CONFLICT per rollup,
        -- cells in key order), then the cells left at zero are deleted, as analysis_apply does row by row.
        CREATE FUNCTION analysis_refresh_many(obs int[]) RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM pg_advisory_xact_lock(1382, 0);
          DROP TABLE IF EXISTS pg_temp.analysis_delta;
          CREATE TEMP TABLE analysis_delta ON COMMIT DROP AS
            SELECT -1 AS "Sign", f.* FROM "AnalysisFacts" f WHERE f."ObservationId" = ANY(obs);
          DELETE FROM "AnalysisFacts" WHERE "ObservationId" = ANY(obs);
          WITH written AS (
            INSERT INTO "AnalysisFacts" ("ObservationId", "ObservedOn", "Month", "TerritoryId", "StructureId", "Participants", "Level",
                   "ThemeIds", "AudienceIds", "ToolIds")
            SELECT o."Id", o."ObservedOn", date_trunc('month', o."ObservedOn")::date, o."TerritoryId", o."StructureId",
                   o."ParticipantsCount",
                   CASE o."AppropriationLevel" WHEN 'Decouverte' THEN 1 WHEN 'PriseEnMain' THEN 2
                                               WHEN 'UsageRegulier' THEN 3 ELSE 4 END,
                   coalesce(th.ids, '{}'), coalesce(au.ids, '{}'), coalesce(tl.ids, '{}')
            FROM "Observations" o
            LEFT JOIN (SELECT "ObservationId", array_agg(DISTINCT "ThemesId" ORDER BY "ThemesId") ids
                       FROM "ObservationThemes" WHERE "ObservationId" = ANY(obs) GROUP BY 1) th ON th."ObservationId" = o."Id"
            LEFT JOIN (SELECT "ObservationId", array_agg(DISTINCT "AudiencesId" ORDER BY "AudiencesId") ids
                       FROM "ObservationAudiences" WHERE "ObservationId" = ANY(obs) GROUP BY 1) au ON au."ObservationId" = o."Id"
            LEFT JOIN (SELECT "ObservationId", array_agg(DISTINCT "ToolsId" ORDER BY "ToolsId") ids
                       FROM "ObservationTools" WHERE "ObservationId" = ANY(obs) GROUP BY 1) tl ON tl."ObservationId" = o."Id"
            WHERE o."Id" = ANY(obs) AND o."Status" = 'Validee'
            ORDER BY o."Id"
            RETURNING *)
          INSERT INTO analysis_delta SELECT 1, w.* FROM written w;

          INSERT INTO "AnalysisCells" AS c ("ThemeId", "AudienceId", "Month", "TerritoryId", "StructureId",
                 "Observations", "Participants", "Level1", "Level2", "Level3", "Level4")
          SELECT t, a, d."Month", d."TerritoryId", d."StructureId", sum(d."Sign"), sum(d."Sign" * d."Participants"),
                 sum(d."Sign" * (d."Level" = 1)::int), sum(d."Sign" * (d."Level" = 2)::int),
                 sum(d."Sign" * (d."Level" = 3)::int), sum(d."Sign" * (d."Level" = 4)::int)
          FROM analysis_delta d, unnest(ARRAY[0] || d."ThemeIds") t, unnest(ARRAY[0] || d."AudienceIds") a
          GROUP BY 1, 2, 3, 4, 5
          ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT ("ThemeId", "AudienceId", "Month", "TerritoryId", "StructureId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations",
            "Participants" = c."Participants" + EXCLUDED."Participants",
            "Level1" = c."Level1" + EXCLUDED."Level1", "Level2" = c."Level2" + EXCLUDED."Level2",
            "Level3" = c."Level3" + EXCLUDED."Level3", "Level4" = c."Level4" + EXCLUDED."Level4";
          DELETE FROM "AnalysisCells" c
          USING (SELECT DISTINCT t, a, d."Month", d."TerritoryId", d."StructureId"
                 FROM analysis_delta d, unnest(ARRAY[0] || d."ThemeIds") t, unnest(ARRAY[0] || d."AudienceIds") a) k
          WHERE c."Observations" = 0 AND c."ThemeId" = k.t AND c."AudienceId" = k.a AND c."Month" = k."Month"
            AND c."TerritoryId" = k."TerritoryId" AND c."StructureId" = k."StructureId";

          INSERT INTO "AnalysisToolCells" AS c ("ThemeId", "Month", "TerritoryId", "ToolId", "Observations")
          SELECT t, d."Month", d."TerritoryId", tool, sum(d."Sign")
          FROM analysis_delta d, unnest(ARRAY[0] || d."ThemeIds") t, unnest(d."ToolIds") tool
          GROUP BY 1, 2, 3, 4
          ORDER BY 1, 2, 3, 4
          ON CONFLICT ("ThemeId", "Month", "TerritoryId", "ToolId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations";
          DELETE FROM "AnalysisToolCells" c
          USING (SELECT DISTINCT t, d."Month", d."TerritoryId", tool
                 FROM analysis_delta d, unnest(ARRAY[0] || d."ThemeIds") t, unnest(d."ToolIds") tool) k
          WHERE c."Observations" = 0 AND c."ThemeId" = k.t AND c."Month" = k."Month" AND c."TerritoryId" = k."TerritoryId"
            AND c."ToolId" = k.tool;

          INSERT INTO "AnalysisToolDetailCells" AS c
                 ("AudienceId", "ThemeId", "Month", "TerritoryId", "StructureId", "ToolId", "Observations")
          SELECT a, t, d."Month", d."TerritoryId", d."StructureId", tool, sum(d."Sign")
          FROM analysis_delta d, unnest(ARRAY[0] || d."AudienceIds") a, unnest(ARRAY[0] || d."ThemeIds") t, unnest(d."ToolIds") tool
          GROUP BY 1, 2, 3, 4, 5, 6
          ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT ("AudienceId", "ThemeId", "Month", "TerritoryId", "StructureId", "ToolId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations";
          DELETE FROM "AnalysisToolDetailCells" c
          USING (SELECT DISTINCT a, t, d."Month", d."TerritoryId", d."StructureId", tool
                 FROM analysis_delta d, unnest(ARRAY[0] || d."AudienceIds") a, unnest(ARRAY[0] || d."ThemeIds") t,
                      unnest(d."ToolIds") tool) k
          WHERE c."Observations" = 0 AND c."AudienceId" = k.a AND c."ThemeId" = k.t AND c."Month" = k."Month"
            AND c."TerritoryId" = k."TerritoryId" AND c."StructureId" = k."StructureId" AND c."ToolId" = k.tool;

          INSERT INTO "AnalysisToolDays" AS c ("ThemeId", "Day", "TerritoryId", "ToolId", "Observations")
          SELECT t, d."ObservedOn", d."TerritoryId", tool, sum(d."Sign")
          FROM analysis_delta d, unnest(ARRAY[0] || d."ThemeIds") t, unnest(d."ToolIds") tool
          GROUP BY 1, 2, 3, 4
          ORDER BY 1, 2, 3, 4
          ON CONFLICT ("ThemeId", "Day", "TerritoryId", "ToolId") DO UPDATE SET
            "Observations" = c."Observations" + EXCLUDED."Observations";
          DELETE FROM "AnalysisToolDays" c
          USING (SELECT DISTINCT t, d."ObservedOn", d."TerritoryId", tool
                 FROM analysis_delta d, unnest(ARRAY[0] || d."ThemeIds") t, unnest(d."ToolIds") tool) k
          WHERE c."Observations" = 0 AND c."ThemeId" = k.t AND c."Day" = k."ObservedOn" AND c."TerritoryId" = k."TerritoryId"
            AND c."ToolId" = k.tool;

          DROP TABLE analysis_delta;
          PERFORM dashboard_version_bump(1);
        END $fn$;

        -- A writer that brings the rollups up to date itself afterwards (a large import, with analysis_refresh_many)
        -- sets observatoire.skip_rollups to 'on' for its transaction: the row triggers then do not even queue.
        DROP TRIGGER analysis_observations ON "Observations";
        DROP TRIGGER analysis_observation_themes ON "ObservationThemes";
        DROP TRIGGER analysis_observation_audiences ON "ObservationAudiences";
        DROP TRIGGER analysis_observation_tools ON "ObservationTools";
        CREATE TRIGGER analysis_observations
          AFTER INSERT OR DELETE OR UPDATE OF "Status", "ObservedOn", "StructureId", "TerritoryId",
                                              "ParticipantsCount", "AppropriationLevel"
          ON "Observations" FOR EACH ROW
          WHEN (current_setting('observatoire.skip_rollups', true) IS DISTINCT FROM 'on')
          EXECUTE FUNCTION analysis_observation_changed();
        CREATE TRIGGER analysis_observation_themes AFTER INSERT OR DELETE OR UPDATE ON "ObservationThemes"
          FOR EACH ROW WHEN (current_setting('observatoire.skip_rollups', true) IS DISTINCT FROM 'on')
          EXECUTE FUNCTION analysis_link_changed();
        CREATE TRIGGER analysis_observation_audiences AFTER INSERT OR DELETE OR UPDATE ON "ObservationAudiences"
          FOR EACH ROW WHEN (current_setting('observatoire.skip_rollups', true) IS DISTINCT FROM 'on')
          EXECUTE FUNCTION analysis_link_changed();
        CREATE TRIGGER analysis_observation_tools AFTER INSERT OR DELETE OR UPDATE ON "ObservationTools"
          FOR EACH ROW WHEN (current_setting('observatoire.skip_rollups', true) IS DISTINCT FROM 'on')
          EXECUTE FUNCTION analysis_link_changed();
        """;

        private const string Remove =
        """
        DROP FUNCTION analysis_refresh_many(int[]);
        DROP TRIGGER analysis_observations ON "Observations";
        DROP TRIGGER analysis_observation_themes ON "ObservationThemes";
        DROP TRIGGER analysis_observation_audiences ON "ObservationAudiences";
        DROP TRIGGER analysis_observation_tools ON "ObservationTools";
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
        CREATE OR REPLACE FUNCTION analysis_refresh(obs int) RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE f "AnalysisFacts";
        BEGIN
          -- One refresh of a given observation at a time: the second waits and then sees the first's rows.
          PERFORM pg_advisory_xact_lock(1380, obs);
          DELETE FROM "AnalysisFacts" WHERE "ObservationId" = obs RETURNING * INTO f;
          IF FOUND THEN PERFORM analysis_apply(f, -1); END IF;
          INSERT INTO "AnalysisFacts" ("ObservationId", "ObservedOn", "Month", "TerritoryId", "StructureId", "Participants", "Level",
        "ThemeIds", "AudienceIds", "ToolIds")
          SELECT o."Id", o."ObservedOn", date_trunc('month', o."ObservedOn")::date, o."TerritoryId", o."StructureId",
               o."ParticipantsCount",
               CASE o."AppropriationLevel" WHEN 'Decouverte' THEN 1 WHEN 'PriseEnMain' THEN 2
                                           WHEN 'UsageRegulier' THEN 3 ELSE 4 END,
               ARRAY(SELECT DISTINCT l."ThemesId" FROM "ObservationThemes" l WHERE l."ObservationId" = o."Id" ORDER BY 1),
               ARRAY(SELECT DISTINCT l."AudiencesId" FROM "ObservationAudiences" l WHERE l."ObservationId" = o."Id" ORDER BY 1),
               ARRAY(SELECT DISTINCT l."ToolsId" FROM "ObservationTools" l WHERE l."ObservationId" = o."Id" ORDER BY 1)
        FROM "Observations" o
          WHERE o."Id" = obs AND o."Status" = 'Validee'
          RETURNING * INTO f;
          IF FOUND THEN PERFORM analysis_apply(f, 1); END IF;
        END $fn$;
        """;
    }
}
