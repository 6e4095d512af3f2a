using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// The version the survey forms are cached by (Pages/Surveys/SurveyFormCache.cs): one row, whose value is taken from a
    /// sequence by statement triggers on every table a respondent's form is built from — surveys, sections, questions,
    /// options, and the quartiers and tools that territory and tool questions list. A row rather than a sequence, so that the
    /// new value is seen only once the change that made it is committed: a page that reads the version and then the form
    /// never keeps an older form under a newer version. The value comes from a sequence so that it never repeats, even after
    /// the row is deleted (the tests empty every table); no row means "no version", and the cache is not used.
    /// Survey responses and answers do not touch it.
    /// </summary>
    public partial class SurveyFormVersion : Migration
    {
        private static readonly string[] Sources = ["Surveys", "SurveySections", "Questions", "QuestionOptions", "Territories", "DigitalTools"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SEQUENCE survey_form_version_seq;
                CREATE TABLE "SurveyFormVersion" ("Id" int PRIMARY KEY CHECK ("Id" = 1), "Value" bigint NOT NULL);
                INSERT INTO "SurveyFormVersion" VALUES (1, nextval('survey_form_version_seq'));

                CREATE FUNCTION survey_form_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                  INSERT INTO "SurveyFormVersion" VALUES (1, nextval('survey_form_version_seq'))
                    ON CONFLICT ("Id") DO UPDATE SET "Value" = EXCLUDED."Value";
                  RETURN NULL;
                END $fn$;
                """);
            foreach (var table in Sources)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER survey_form_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                      FOR EACH STATEMENT EXECUTE FUNCTION survey_form_version_bump();
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Sources)
                migrationBuilder.Sql($"""DROP TRIGGER survey_form_version ON "{table}";""");
            migrationBuilder.Sql("""
                DROP FUNCTION survey_form_version_bump();
                DROP TABLE "SurveyFormVersion";
                DROP SEQUENCE survey_form_version_seq;
                """);
        }
    }
}
