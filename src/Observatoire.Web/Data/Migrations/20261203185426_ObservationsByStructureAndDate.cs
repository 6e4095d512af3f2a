using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ObservationsByStructureAndDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_StructureId",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_StructureId_ObservedOn",
                table: "Observations",
                columns: new[] { "StructureId", "ObservedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_StructureId_ObservedOn",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_StructureId",
                table: "Observations",
                column: "StructureId");
        }
    }
}
