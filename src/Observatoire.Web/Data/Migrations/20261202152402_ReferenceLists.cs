using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// Themes, audiences and territories become lists administered in the portal (/admin/listes): a description for
    /// audiences, an order for territories, a retirement date for all three, and the appropriation scale's wording in a
    /// table of its own. The generated part comes first; the hand-written SQL follows it, in the order of its blocks.
    /// </summary>
    public partial class ReferenceLists : Migration
    {
        // ---- Hand-written SQL, run after the generated statements, in this order ----

        /// <summary>Block 1: existing territories keep the order they were shown in (by name, French order) as their stored order.</summary>
        private const string TerritoryOrder = """
            UPDATE "Territories" t SET "SortOrder" = o.n
            FROM (SELECT "Id", row_number() OVER (PARTITION BY "ParentId" ORDER BY "Name", "Id")::int AS n FROM "Territories") o
            WHERE t."Id" = o."Id";
            """;

        /// <summary>
        /// Block 2: a change of wording changes the dashboard's « Niveau d'appropriation » labels, so it bumps the dashboard
        /// version as a change of theme or territory name does (function of migration DashboardToolRollups).
        /// </summary>
        private const string WordingDashboardVersion = """
            CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AppropriationLevelWordings"
              FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
            """;

        private const string DropWordingDashboardVersion = """
            DROP TRIGGER IF EXISTS dashboard_version ON "AppropriationLevelWordings";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Themes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Territories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "Territories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Audiences",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Audiences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AppropriationLevelWordings",
                columns: table => new
                {
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppropriationLevelWordings", x => x.Level);
                });

            migrationBuilder.Sql(TerritoryOrder);
            migrationBuilder.Sql(WordingDashboardVersion);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropWordingDashboardVersion);

            migrationBuilder.DropTable(
                name: "AppropriationLevelWordings");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Themes");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Audiences");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Audiences");
        }
    }
}
