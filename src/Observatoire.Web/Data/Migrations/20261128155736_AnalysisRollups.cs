using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Observatoire.Web.Analysis;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnalysisRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalysisCells",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    TerritoryId = table.Column<int>(type: "integer", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    AudienceId = table.Column<int>(type: "integer", nullable: false),
                    Observations = table.Column<int>(type: "integer", nullable: false),
                    Participants = table.Column<long>(type: "bigint", nullable: false),
                    Level1 = table.Column<int>(type: "integer", nullable: false),
                    Level2 = table.Column<int>(type: "integer", nullable: false),
                    Level3 = table.Column<int>(type: "integer", nullable: false),
                    Level4 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisCells", x => new { x.ThemeId, x.AudienceId, x.Month, x.TerritoryId, x.StructureId });
                });

            migrationBuilder.CreateTable(
                name: "AnalysisFacts",
                columns: table => new
                {
                    ObservationId = table.Column<int>(type: "integer", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    TerritoryId = table.Column<int>(type: "integer", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ThemeIds = table.Column<int[]>(type: "integer[]", nullable: false),
                    AudienceIds = table.Column<int[]>(type: "integer[]", nullable: false),
                    ToolIds = table.Column<int[]>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisFacts", x => x.ObservationId);
                });

            migrationBuilder.CreateTable(
                name: "AnalysisToolCells",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    TerritoryId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    ToolId = table.Column<int>(type: "integer", nullable: false),
                    Observations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisToolCells", x => new { x.ThemeId, x.Month, x.TerritoryId, x.ToolId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnalysisFacts_ObservedOn",
                table: "AnalysisFacts",
                column: "ObservedOn");

            migrationBuilder.Sql(AnalysisSql.CreateFunctions);
            migrationBuilder.Sql(AnalysisSql.CreateTriggers);
            migrationBuilder.Sql(AnalysisSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AnalysisSql.Drop);

            migrationBuilder.DropTable(
                name: "AnalysisCells");

            migrationBuilder.DropTable(
                name: "AnalysisFacts");

            migrationBuilder.DropTable(
                name: "AnalysisToolCells");
        }
    }
}
