using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// The search dictionary no longer knows the prefixes of measurement units' symbols (deploy/postgres/tsearch_data,
    /// scripts/french-dictionary.py): « CV » was read as a centivolt and « TV » as a teravolt, both indexed as 'v', so a
    /// search for « CV » found the pages that mention a TV. The stored vectors that may hold a word read that way are those
    /// holding one of the unit symbols' lexemes: those rows only are computed again (writing a column into itself), with
    /// the dictionary files the server has. Run before the new files are copied, it changes nothing; docs/deploy.md says to
    /// copy them first. No table's triggers watch these columns.
    /// </summary>
    public partial class DictionaryWithoutUnitPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                  units tsquery := to_tsquery('simple',
                    'a | bq | c | cal | cd | ci | da | ev | f | g | gy | h | hz | j | k | kat | l | lm | lx | m | mol | n | pa | rad'
                    ' | s | sr | sv | t | v | va | vad | var | w | wb | wh');
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'fr_lemmes') THEN
                    RETURN;
                  END IF;
                  UPDATE "DigitalTools" SET "Name" = "Name" WHERE "SearchVector" @@ units;
                  UPDATE "Structures" SET "Name" = "Name" WHERE "SearchVector" @@ units;
                  UPDATE "Observations" SET "Title" = "Title" WHERE "SearchVector" @@ units;
                  UPDATE "WikiPages" SET "Title" = "Title" WHERE "SearchVector" @@ units;
                  UPDATE "WorkingGroups" SET "Name" = "Name" WHERE "SearchVector" @@ units;
                  UPDATE "Events" SET "Title" = "Title" WHERE "SearchVector" @@ units;
                  UPDATE "WatchItems" SET "Title" = "Title" WHERE "SearchVector" @@ units;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo in the schema: the vectors follow the dictionary files the server has.
        }
    }
}
