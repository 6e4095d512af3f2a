using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Observatoire.Web.Analysis;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyAnswerRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyAnswerDays",
                columns: table => new
                {
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ValueKey = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswerDays", x => new { x.QuestionId, x.Day, x.ValueKey });
                });

            migrationBuilder.Sql(AnalysisSql.SurveyFunctions);
            migrationBuilder.Sql(AnalysisSql.SurveyRebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AnalysisSql.DropSurveyFunctions);

            migrationBuilder.DropTable(
                name: "SurveyAnswerDays");
        }
    }
}
