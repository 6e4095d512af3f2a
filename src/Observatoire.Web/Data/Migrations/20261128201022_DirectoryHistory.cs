using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Before = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    After = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    UserName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryChanges_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryChanges_RecordKind_RecordId_At",
                table: "DirectoryChanges",
                columns: new[] { "RecordKind", "RecordId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryChanges_UserId",
                table: "DirectoryChanges",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryChanges");
        }
    }
}
