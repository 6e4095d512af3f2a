using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MergeFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SlugAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Entity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlugAliases", x => x.Id);
                });

            // A respondent names a territory or a tool once per question; a repeated row (none is expected) would block
            // the unique indexes, so it goes first. Statement triggers keep the survey rollup right.
            migrationBuilder.Sql("""
                DELETE FROM "Answers" a USING "Answers" b
                WHERE a."Id" > b."Id" AND a."ResponseId" = b."ResponseId" AND a."QuestionId" = b."QuestionId"
                  AND (a."TerritoryId" = b."TerritoryId" OR a."ToolId" = b."ToolId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Answers_ResponseId_QuestionId_TerritoryId",
                table: "Answers",
                columns: new[] { "ResponseId", "QuestionId", "TerritoryId" },
                unique: true,
                filter: "\"TerritoryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_ResponseId_QuestionId_ToolId",
                table: "Answers",
                columns: new[] { "ResponseId", "QuestionId", "ToolId" },
                unique: true,
                filter: "\"ToolId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SlugAliases_Entity_Slug",
                table: "SlugAliases",
                columns: new[] { "Entity", "Slug" },
                unique: true);

            // Answers were only inserted and deleted; a merge of two territories or tools now updates them, and the
            // survey rollup must follow: the old values are subtracted and the new ones added, in one statement.
            // The SQL is written here, not taken from a class, so this migration replays the same forever.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION survey_answers_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                  PERFORM survey_rollup_add(-1, (SELECT jsonb_agg(to_jsonb(o)) FROM old_rows o));
                  PERFORM survey_rollup_add(1, (SELECT jsonb_agg(to_jsonb(n)) FROM new_rows n));
                  RETURN NULL;
                END $fn$;
                CREATE TRIGGER survey_answers_updated AFTER UPDATE ON "Answers"
                  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_answers_updated();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS survey_answers_updated ON "Answers";
                DROP FUNCTION IF EXISTS survey_answers_updated();
                """);

            migrationBuilder.DropTable(
                name: "SlugAliases");

            migrationBuilder.DropIndex(
                name: "IX_Answers_ResponseId_QuestionId_TerritoryId",
                table: "Answers");

            migrationBuilder.DropIndex(
                name: "IX_Answers_ResponseId_QuestionId_ToolId",
                table: "Answers");
        }
    }
}
