using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// The survey rollup's function (<c>survey_rollup_add</c>, run by the statement triggers on "Answers") looked up the
    /// response of each new answer and the respondent's other answers with two joins that the planner, expecting 100 rows
    /// from <c>jsonb_array_elements</c>, ran as hash joins over every response and every answer: 21 ms per submitted
    /// response with 30,000 answers, growing with the table (issue #20, found with auto_explain). Both are now looked up
    /// per row through their indexes (a lateral subquery with LIMIT, a scalar subquery), which the planner cannot turn
    /// back into joins: 0.4 ms. Same results: the rollup tests compare it with a recount.
    /// </summary>
    public partial class SurveyRollupLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(""""
                CREATE OR REPLACE FUNCTION survey_rollup_add(sign integer, rows_json jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
                BEGIN
                  WITH a AS (
                    SELECT (x->>'Id')::bigint id, (x->>'ResponseId')::bigint response, (x->>'QuestionId')::int question,
                           coalesce((x->>'OptionId')::int, (x->>'TerritoryId')::int, (x->>'ToolId')::int, 0) value,
                           (r."CreatedAt" AT TIME ZONE 'Europe/Paris')::date AS day
                    -- A lateral lookup per row (LIMIT keeps it from being flattened): as a join, the planner hashed every response.
                    FROM jsonb_array_elements(rows_json) x
                    CROSS JOIN LATERAL (SELECT "CreatedAt" FROM "Responses" WHERE "Id" = (x->>'ResponseId')::bigint LIMIT 1) r),
                  ids AS (SELECT array_agg(id) AS v FROM a),
                  cells AS (
                    SELECT question, day, value, count(*)::int n FROM a GROUP BY 1, 2, 3
                    UNION ALL
                    -- A respondent enters (or leaves) a question with its first (or last) answer row to it, whether
                    -- the rows come in one statement or several. A scalar subquery, run per row through the index on
                    -- "ResponseId": written as NOT EXISTS in WHERE, the planner turned it into an anti join over every answer.
                    SELECT question, day, -1, count(DISTINCT response)::int FROM a, ids
                    WHERE (SELECT NOT EXISTS (SELECT 1 FROM "Answers" e WHERE e."ResponseId" = a.response AND e."QuestionId" = a.question
                                                AND e."Id" <> ALL (ids.v)))
                    GROUP BY 1, 2)
                  INSERT INTO "SurveyAnswerDays" AS d ("QuestionId", "Day", "ValueKey", "Shard", "Count")
                  SELECT question, day, value, (pg_backend_pid() % 64)::smallint, sign * n FROM cells ORDER BY 1, 2, 3
                  ON CONFLICT ("QuestionId", "Day", "ValueKey", "Shard") DO UPDATE SET "Count" = d."Count" + EXCLUDED."Count";
                END $fn$;
                """");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(""""
                CREATE OR REPLACE FUNCTION survey_rollup_add(sign integer, rows_json jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
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
                """");
        }
    }
}
