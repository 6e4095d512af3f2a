using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Wiki : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WikiAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WikiAttachments_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "WikiLinks",
                columns: table => new
                {
                    FromPageId = table.Column<int>(type: "integer", nullable: false),
                    TargetSlug = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiLinks", x => new { x.FromPageId, x.TargetSlug });
                });

            migrationBuilder.CreateTable(
                name: "WikiPageObservations",
                columns: table => new
                {
                    ObservationsId = table.Column<int>(type: "integer", nullable: false),
                    WikiPageId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiPageObservations", x => new { x.ObservationsId, x.WikiPageId });
                    table.ForeignKey(
                        name: "FK_WikiPageObservations_Observations_ObservationsId",
                        column: x => x.ObservationsId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WikiPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsProtected = table.Column<bool>(type: "boolean", nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    CurrentRevisionId = table.Column<int>(type: "integer", nullable: true),
                    CurrentRevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    PlainText = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"PlainText\", '')), 'B')", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiPages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WikiPageStructures",
                columns: table => new
                {
                    StructuresId = table.Column<int>(type: "integer", nullable: false),
                    WikiPageId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiPageStructures", x => new { x.StructuresId, x.WikiPageId });
                    table.ForeignKey(
                        name: "FK_WikiPageStructures_Structures_StructuresId",
                        column: x => x.StructuresId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiPageStructures_WikiPages_WikiPageId",
                        column: x => x.WikiPageId,
                        principalTable: "WikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WikiPageTerritories",
                columns: table => new
                {
                    TerritoriesId = table.Column<int>(type: "integer", nullable: false),
                    WikiPageId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiPageTerritories", x => new { x.TerritoriesId, x.WikiPageId });
                    table.ForeignKey(
                        name: "FK_WikiPageTerritories_Territories_TerritoriesId",
                        column: x => x.TerritoriesId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiPageTerritories_WikiPages_WikiPageId",
                        column: x => x.WikiPageId,
                        principalTable: "WikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WikiPageThemes",
                columns: table => new
                {
                    ThemesId = table.Column<int>(type: "integer", nullable: false),
                    WikiPageId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiPageThemes", x => new { x.ThemesId, x.WikiPageId });
                    table.ForeignKey(
                        name: "FK_WikiPageThemes_Themes_ThemesId",
                        column: x => x.ThemesId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiPageThemes_WikiPages_WikiPageId",
                        column: x => x.WikiPageId,
                        principalTable: "WikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WikiPageTools",
                columns: table => new
                {
                    ToolsId = table.Column<int>(type: "integer", nullable: false),
                    WikiPageId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiPageTools", x => new { x.ToolsId, x.WikiPageId });
                    table.ForeignKey(
                        name: "FK_WikiPageTools_DigitalTools_ToolsId",
                        column: x => x.ToolsId,
                        principalTable: "DigitalTools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiPageTools_WikiPages_WikiPageId",
                        column: x => x.WikiPageId,
                        principalTable: "WikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WikiRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PageId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Markdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Html = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: false),
                    PlainText = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WikiRevisions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WikiRevisions_WikiPages_PageId",
                        column: x => x.PageId,
                        principalTable: "WikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WikiWatches",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    PageId = table.Column<int>(type: "integer", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WikiWatches", x => new { x.UserId, x.PageId });
                    table.ForeignKey(
                        name: "FK_WikiWatches_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WikiWatches_WikiPages_PageId",
                        column: x => x.PageId,
                        principalTable: "WikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WikiAttachments_PageId_FileName",
                table: "WikiAttachments",
                columns: new[] { "PageId", "FileName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WikiAttachments_UploadedById",
                table: "WikiAttachments",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_WikiLinks_TargetSlug",
                table: "WikiLinks",
                column: "TargetSlug");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPageObservations_WikiPageId",
                table: "WikiPageObservations",
                column: "WikiPageId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPages_Categories",
                table: "WikiPages",
                column: "Categories")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPages_CurrentRevisionId",
                table: "WikiPages",
                column: "CurrentRevisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WikiPages_SearchVector",
                table: "WikiPages",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPages_Slug",
                table: "WikiPages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WikiPages_UpdatedAt",
                table: "WikiPages",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPageStructures_WikiPageId",
                table: "WikiPageStructures",
                column: "WikiPageId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPageTerritories_WikiPageId",
                table: "WikiPageTerritories",
                column: "WikiPageId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPageThemes_WikiPageId",
                table: "WikiPageThemes",
                column: "WikiPageId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiPageTools_WikiPageId",
                table: "WikiPageTools",
                column: "WikiPageId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiRevisions_AuthorId",
                table: "WikiRevisions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_WikiRevisions_CreatedAt",
                table: "WikiRevisions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WikiRevisions_PageId_Number",
                table: "WikiRevisions",
                columns: new[] { "PageId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WikiWatches_PageId",
                table: "WikiWatches",
                column: "PageId");

            migrationBuilder.AddForeignKey(
                name: "FK_WikiAttachments_WikiPages_PageId",
                table: "WikiAttachments",
                column: "PageId",
                principalTable: "WikiPages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_WikiLinks_WikiPages_FromPageId",
                table: "WikiLinks",
                column: "FromPageId",
                principalTable: "WikiPages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_WikiPageObservations_WikiPages_WikiPageId",
                table: "WikiPageObservations",
                column: "WikiPageId",
                principalTable: "WikiPages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_WikiPages_WikiRevisions_CurrentRevisionId",
                table: "WikiPages",
                column: "CurrentRevisionId",
                principalTable: "WikiRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_WikiRevisions_WikiPages_PageId",
                table: "WikiRevisions");

            migrationBuilder.DropTable(
                name: "WikiAttachments");

            migrationBuilder.DropTable(
                name: "WikiLinks");

            migrationBuilder.DropTable(
                name: "WikiPageObservations");

            migrationBuilder.DropTable(
                name: "WikiPageStructures");

            migrationBuilder.DropTable(
                name: "WikiPageTerritories");

            migrationBuilder.DropTable(
                name: "WikiPageThemes");

            migrationBuilder.DropTable(
                name: "WikiPageTools");

            migrationBuilder.DropTable(
                name: "WikiWatches");

            migrationBuilder.DropTable(
                name: "WikiPages");

            migrationBuilder.DropTable(
                name: "WikiRevisions");
        }
    }
}
