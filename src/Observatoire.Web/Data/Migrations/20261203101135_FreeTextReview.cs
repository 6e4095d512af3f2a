using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FreeTextReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MaskedText",
                table: "Answers",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Answers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextReview",
                table: "Answers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValueSql: "'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId_TextReview",
                table: "Answers",
                columns: new[] { "QuestionId", "TextReview" },
                filter: "\"Text\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId_TextReview",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "MaskedText",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "TextReview",
                table: "Answers");
        }
    }
}
