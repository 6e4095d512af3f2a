using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TerritoryContours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Contour",
                table: "Territories",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GridColumn",
                table: "Territories",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GridRow",
                table: "Territories",
                type: "integer",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Territories_GridColumn",
                table: "Territories",
                sql: "\"GridColumn\" BETWEEN 1 AND 30");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Territories_GridRow",
                table: "Territories",
                sql: "\"GridRow\" BETWEEN 1 AND 30");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Territories_GridColumn",
                table: "Territories");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Territories_GridRow",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "Contour",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "GridColumn",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "GridRow",
                table: "Territories");
        }
    }
}
