using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// The search finds a word's other forms: « emplois » finds « emploi », « journaux » « journal », « animatrices »
    /// « animateur ». PostgreSQL's French Snowball stemmer alone leaves « emplois », « genoux » or « travaux » as they are; an
    /// Ispell dictionary (Dicollecte's French Hunspell files with their accents removed, deploy/postgres/tsearch_data) now
    /// gives each known word its base form after unaccent, and the stemmer still takes the words it does not know (names,
    /// jargon). The files must be in the server's tsearch_data folder: where they are not, this step is skipped with a
    /// warning and the search keeps the stemmer alone; the portal's health check and administration page then say so, and
    /// docs/deploy.md gives the same SQL to run once the files are installed.
    /// The French stop words are dropped before the dictionary (which would turn « des » into « der » and « dre »), and a
    /// hyphenated word is indexed by its parts only, so that « tiers-lieu » finds « tiers-lieux ». Every stored search
    /// vector is computed again, and the two indexes on a title's vector are rebuilt.
    /// </summary>
    public partial class FrenchLemmas : Migration
    {
        // Writing a column into itself recomputes the row's stored vector (SET "SearchVector" = DEFAULT does not); the
        // triggers on these tables watch other columns, or run once per statement.
        private const string Recompute = """
            UPDATE "DigitalTools" SET "Name" = "Name";
            UPDATE "Structures" SET "Name" = "Name";
            UPDATE "Observations" SET "Title" = "Title";
            UPDATE "WikiPages" SET "Title" = "Title";
            UPDATE "WorkingGroups" SET "Name" = "Name";
            UPDATE "Events" SET "Title" = "Title";
            UPDATE "WatchItems" SET "Title" = "Title";
            REINDEX INDEX "IX_WikiPages_TitleVector";
            REINDEX INDEX "IX_Observations_TitleVector";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'fr_lemmes') THEN
                    BEGIN
                      CREATE TEXT SEARCH DICTIONARY fr_lemmes (
                        TEMPLATE = ispell, DictFile = fr_observatoire, AffFile = fr_observatoire, StopWords = french);
                    EXCEPTION WHEN others THEN
                      RAISE WARNING 'Dictionnaire français absent du serveur PostgreSQL (%) : la recherche garde le seul radical (docs/deploy.md).', SQLERRM;
                      RETURN;
                    END;
                  END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'fr_mots_vides') THEN
                    CREATE TEXT SEARCH DICTIONARY fr_mots_vides (TEMPLATE = simple, StopWords = french, Accept = false);
                  END IF;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent
                    ALTER MAPPING FOR hword_part, word WITH unaccent, fr_mots_vides, fr_lemmes, french_stem;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent
                    ALTER MAPPING FOR asciiword, hword_asciipart WITH fr_mots_vides, fr_lemmes, french_stem;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent DROP MAPPING IF EXISTS FOR hword, asciihword;
                  {Recompute}
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'fr_lemmes') THEN
                    RETURN;
                  END IF;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword_part, word WITH unaccent, french_stem;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR asciiword, hword_asciipart WITH french_stem;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent ADD MAPPING FOR hword WITH unaccent, french_stem;
                  ALTER TEXT SEARCH CONFIGURATION fr_unaccent ADD MAPPING FOR asciihword WITH french_stem;
                  DROP TEXT SEARCH DICTIONARY fr_lemmes;
                  DROP TEXT SEARCH DICTIONARY IF EXISTS fr_mots_vides;
                  {Recompute}
                END $$;
                """);
        }
    }
}
