using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// Name columns sort in French (ICU collation "fr-FR-x-icu"): the database is created with the C locale, which put
    /// « Élodie » after « Yanis » and « uMap » after « Zoom ».
    /// </summary>
    public partial class FrenchCollation : Migration
    {
        /// <summary>The columns people read as sorted lists, with their length.</summary>
        private static readonly (string Table, string Column, int Length)[] Names =
        [
            ("Territories", "Name", 120),
            ("Structures", "Name", 200),
            ("DigitalTools", "Name", 120),
            ("Actors", "FullName", 160),
            ("Themes", "Name", 120),
            ("Audiences", "Name", 120),
            ("AspNetUsers", "DisplayName", 160),
            ("WorkingGroups", "Name", 160),
            ("Surveys", "Title", 200),
            ("WikiPages", "Title", 200),
            ("Observations", "Title", 200),
            ("FeedSources", "Name", 160),
        ];

        /// <summary>
        /// PostgreSQL refuses to change a column that a stored generated column reads, so these search vectors are
        /// dropped and rebuilt around the change, with the expressions they were created with.
        /// </summary>
        private static readonly (string Table, string Expression)[] Vectors =
        [
            ("Structures", "setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Name\", '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Description\", '')), 'B')"),
            ("DigitalTools", "setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Name\", '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Description\", '')), 'B')"),
            ("Observations", "setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Description\", '')), 'B') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"WhatWorked\", '')), 'C') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Difficulties\", '')), 'C')"),
            ("WikiPages", "setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"PlainText\", '')), 'B')"),
            ("WorkingGroups", "setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Name\", '')), 'A') || setweight(to_tsvector('fr_unaccent'::regconfig, coalesce(\"Purpose\", '')), 'B')"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Collate(migrationBuilder, "\"fr-FR-x-icu\"");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Collate(migrationBuilder, "\"default\"");

        private static void Collate(MigrationBuilder migrationBuilder, string collation)
        {
            foreach (var (table, _) in Vectors)
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"SearchVector\";");
            foreach (var (table, column, length) in Names)
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" TYPE character varying({length}) COLLATE {collation};");
            foreach (var (table, expression) in Vectors)
            {
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ADD COLUMN \"SearchVector\" tsvector NOT NULL GENERATED ALWAYS AS ({expression}) STORED;");
                migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_SearchVector\" ON \"{table}\" USING GIN (\"SearchVector\");");
            }
        }
    }
}
