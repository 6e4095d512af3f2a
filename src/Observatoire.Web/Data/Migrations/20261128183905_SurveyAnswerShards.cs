using Microsoft.EntityFrameworkCore.Migrations;
using Observatoire.Web.Analysis;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyAnswerShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SurveyAnswerDays",
                table: "SurveyAnswerDays");

            migrationBuilder.AddColumn<short>(
                name: "Shard",
                table: "SurveyAnswerDays",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_SurveyAnswerDays",
                table: "SurveyAnswerDays",
                columns: new[] { "QuestionId", "Day", "ValueKey", "Shard" });

            migrationBuilder.Sql(AnalysisSql.SurveyShards);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AnalysisSql.DropSurveyShards);

            migrationBuilder.DropPrimaryKey(
                name: "PK_SurveyAnswerDays",
                table: "SurveyAnswerDays");

            migrationBuilder.DropColumn(
                name: "Shard",
                table: "SurveyAnswerDays");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SurveyAnswerDays",
                table: "SurveyAnswerDays",
                columns: new[] { "QuestionId", "Day", "ValueKey" });

            // The unsharded upsert and its triggers, as the SurveyAnswerRollup migration created them.
            migrationBuilder.Sql(AnalysisSql.DropSurveyFunctions);
            migrationBuilder.Sql(AnalysisSql.SurveyFunctions);
        }
    }
}
