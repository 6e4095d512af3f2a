using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SynthesisDownloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SynthesisDownloads",
                columns: table => new
                {
                    SynthesisId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    DownloadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SynthesisDownloads", x => new { x.SynthesisId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SynthesisDownloads_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SynthesisDownloads_Syntheses_SynthesisId",
                        column: x => x.SynthesisId,
                        principalTable: "Syntheses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SynthesisDownloads_UserId",
                table: "SynthesisDownloads",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SynthesisDownloads");
        }
    }
}
