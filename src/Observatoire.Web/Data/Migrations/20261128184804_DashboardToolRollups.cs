using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Observatoire.Web.Analysis;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardToolRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalysisToolDays",
                columns: table => new
                {
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TerritoryId = table.Column<int>(type: "integer", nullable: false),
                    ToolId = table.Column<int>(type: "integer", nullable: false),
                    Observations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisToolDays", x => new { x.ThemeId, x.Day, x.TerritoryId, x.ToolId });
                });

            migrationBuilder.CreateTable(
                name: "AnalysisToolDetailCells",
                columns: table => new
                {
                    AudienceId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    TerritoryId = table.Column<int>(type: "integer", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    ToolId = table.Column<int>(type: "integer", nullable: false),
                    Observations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalysisToolDetailCells", x => new { x.AudienceId, x.ThemeId, x.Month, x.TerritoryId, x.StructureId, x.ToolId });
                });

            migrationBuilder.Sql(DashboardRollupSql.CreateFunctions);
            migrationBuilder.Sql(DashboardRollupSql.CreateTriggers);
            migrationBuilder.Sql(DashboardRollupSql.Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardRollupSql.Drop);

            migrationBuilder.DropTable(
                name: "AnalysisToolDays");

            migrationBuilder.DropTable(
                name: "AnalysisToolDetailCells");
        }
    }
}
