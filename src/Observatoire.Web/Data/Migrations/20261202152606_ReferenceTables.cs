using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Observatoire.Web.Data.Migrations
{
    /// <summary>
    /// Tool categories, licences and structure kinds become lists administrators keep (tables with foreign keys) instead
    /// of enums stored as text. A database in use gets the values it had, under their French labels, with the slugs the
    /// dashboard's addresses already used (?type=centre-social); an empty database (a new instance) gets none.
    /// </summary>
    /// <remarks>
    /// Order: the generated part creates the tables, the new columns, their indexes and foreign keys; then the
    /// hand-written blocks 1 (values), 2 (conversion) and 3 (former addresses); then the generated drops of the text
    /// columns, moved after the conversion; then block 4 (dashboard cache triggers). Every statement is written here:
    /// this migration never calls application code, so it replays the same forever.
    /// No database function, trigger or index read the text columns (the dashboard read them from its queries), and no
    /// search vector includes a category, licence or kind: a rename needs nothing more than block 4.
    /// </remarks>
    public partial class ReferenceTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // --- Generated: the three tables, the new columns, their indexes and foreign keys ---
            migrationBuilder.AddColumn<int>(
                name: "KindId",
                table: "Structures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CategoryId",
                table: "DigitalTools",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LicenceId",
                table: "DigitalTools",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Licences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "fr-FR-x-icu"),
                    Slug = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsFree = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Licences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StructureKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "fr-FR-x-icu"),
                    Slug = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StructureKinds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ToolCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "fr-FR-x-icu"),
                    Slug = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToolCategories", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Structures_KindId",
                table: "Structures",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalTools_CategoryId",
                table: "DigitalTools",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_DigitalTools_LicenceId",
                table: "DigitalTools",
                column: "LicenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Licences_Slug",
                table: "Licences",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StructureKinds_Slug",
                table: "StructureKinds",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ToolCategories_Slug",
                table: "ToolCategories",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DigitalTools_Licences_LicenceId",
                table: "DigitalTools",
                column: "LicenceId",
                principalTable: "Licences",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DigitalTools_ToolCategories_CategoryId",
                table: "DigitalTools",
                column: "CategoryId",
                principalTable: "ToolCategories",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Structures_StructureKinds_KindId",
                table: "Structures",
                column: "KindId",
                principalTable: "StructureKinds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // --- Hand-written block 1: the values the enums had, on a database in use only ---
            // Names, slugs (Slug.From of the name), order and descriptions of the enums as they were; « Libre » is free.
            // A new instance starts without any: its administrator loads the starter set or builds their own lists.
            migrationBuilder.Sql("""
                DO $$ BEGIN
                  IF EXISTS (SELECT 1 FROM "DigitalTools") OR EXISTS (SELECT 1 FROM "Structures") THEN
                    INSERT INTO "ToolCategories" ("Name", "Slug", "Description", "SortOrder") VALUES
                      ('Travail collaboratif', 'travail-collaboratif', 'Partager fichiers, agendas et documents, écrire et décider à plusieurs.', 1),
                      ('Communication et messagerie', 'communication-et-messagerie', 'Échanger par messages, courriels, appels ou visioconférence.', 2),
                      ('Réseau social', 'reseau-social', 'Publier, suivre et échanger au sein de communautés en ligne.', 3),
                      ('Démarches en ligne', 'demarches-en-ligne', 'Accéder à ses droits et faire ses démarches administratives sur internet.', 4),
                      ('Recherche d''emploi', 'recherche-d-emploi', 'Chercher un emploi ou une formation, candidater, suivre son parcours.', 5),
                      ('Apprentissage et formation', 'apprentissage-et-formation', 'Apprendre, suivre une scolarité, évaluer et certifier ses compétences.', 6),
                      ('Bureautique', 'bureautique', 'Écrire, calculer et présenter : traitement de texte, tableur, diaporama.', 7),
                      ('Publication et site web', 'publication-et-site-web', 'Créer et publier des contenus : site, blog, wiki, affiche.', 8),
                      ('Cartographie', 'cartographie', 'Créer, consulter et partager des cartes.', 9),
                      ('Autre', 'autre', 'Les outils qui n''entrent dans aucune autre catégorie.', 10);
                    INSERT INTO "Licences" ("Name", "Slug", "Description", "SortOrder", "IsFree") VALUES
                      ('Libre', 'libre', 'Logiciel libre : chacun peut l''utiliser, l''étudier, le modifier et le partager.', 1, true),
                      ('Propriétaire', 'proprietaire', 'Logiciel dont l''éditeur garde le code et fixe seul les conditions d''utilisation.', 2, false);
                    INSERT INTO "StructureKinds" ("Name", "Slug", "Description", "SortOrder") VALUES
                      ('Association', 'association', 'Association loi 1901, quelle que soit sa taille.', 1),
                      ('Centre social', 'centre-social', 'Centre social ou maison de quartier, lieu d''animation de la vie locale.', 2),
                      ('Collectivité', 'collectivite', 'Commune, métropole, département ou région, et leurs services et équipements.', 3),
                      ('Service de l''État', 'service-de-l-etat', 'Administration ou service déconcentré de l''État (préfecture, DDETS…).', 4),
                      ('Établissement scolaire', 'etablissement-scolaire', 'École, collège, lycée ou organisme de formation.', 5),
                      ('Information jeunesse', 'information-jeunesse', 'Bureau ou point Information jeunesse.', 6),
                      ('Structure de l''emploi', 'structure-de-l-emploi', 'Acteur de l''emploi et de l''insertion : mission locale, maison de l''emploi…', 7),
                      ('Autre', 'autre', 'Les structures qui n''entrent dans aucun autre type.', 8);
                  END IF;
                END $$;
                """);

            // --- Hand-written block 2: each text value becomes the id of its row ---
            // The text is what the enums stored: the member's [ExternalName], or its own name (Communication, Publication,
            // Association). A value none of these (none is expected) is left null: « non précisée ».
            migrationBuilder.Sql("""
                UPDATE "DigitalTools" t SET "CategoryId" = c."Id"
                FROM (VALUES ('Collaboratif', 'travail-collaboratif'), ('Communication', 'communication-et-messagerie'),
                             ('ReseauSocial', 'reseau-social'), ('Demarches', 'demarches-en-ligne'), ('Emploi', 'recherche-d-emploi'),
                             ('Apprentissage', 'apprentissage-et-formation'), ('Bureautique', 'bureautique'),
                             ('Publication', 'publication-et-site-web'), ('Cartographie', 'cartographie'), ('Autre', 'autre')) AS former(stored, slug)
                JOIN "ToolCategories" c ON c."Slug" = former.slug
                WHERE t."Category" = former.stored;

                UPDATE "DigitalTools" t SET "LicenceId" = l."Id"
                FROM (VALUES ('Libre', 'libre'), ('Proprietaire', 'proprietaire')) AS former(stored, slug)
                JOIN "Licences" l ON l."Slug" = former.slug
                WHERE t."Licence" = former.stored;

                UPDATE "Structures" s SET "KindId" = k."Id"
                FROM (VALUES ('Association', 'association'), ('CentreSocial', 'centre-social'), ('Collectivite', 'collectivite'),
                             ('ServiceEtat', 'service-de-l-etat'), ('EtablissementScolaire', 'etablissement-scolaire'),
                             ('InformationJeunesse', 'information-jeunesse'), ('Emploi', 'structure-de-l-emploi'),
                             ('Autre', 'autre')) AS former(stored, slug)
                JOIN "StructureKinds" k ON k."Slug" = former.slug
                WHERE s."Kind" = former.stored;
                """);

            // --- Hand-written block 3: the directory's former kind filter addresses keep working ---
            // /annuaire/structures?type=CentreSocial named a kind by its stored text; the filter is now the slug, and
            // reads the slug aliases as well (lower-cased, as filters are). Stored texts equal to the slug need none.
            migrationBuilder.Sql("""
                INSERT INTO "SlugAliases" ("Entity", "Slug", "TargetId", "CreatedAt")
                SELECT 'StructureKind', former.alias, k."Id", now()
                FROM (VALUES ('centresocial', 'centre-social'), ('serviceetat', 'service-de-l-etat'),
                             ('etablissementscolaire', 'etablissement-scolaire'), ('informationjeunesse', 'information-jeunesse'),
                             ('emploi', 'structure-de-l-emploi')) AS former(alias, slug)
                JOIN "StructureKinds" k ON k."Slug" = former.slug;
                """);

            // --- Generated, moved after block 2: the text columns, now converted ---
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "DigitalTools");

            migrationBuilder.DropColumn(
                name: "Licence",
                table: "DigitalTools");

            // --- Hand-written block 4: the dashboard's cache follows the new lists ---
            // Renaming or retiring a value changes the charts' labels, IsFree the free share: the same statement
            // triggers as on the other tables the dashboard names (Themes, Structures, DigitalTools…).
            migrationBuilder.Sql("""
                CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ToolCategories"
                  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
                CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Licences"
                  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
                CREATE TRIGGER dashboard_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StructureKinds"
                  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_version_changed(1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // --- Hand-written, reversing blocks 4 and 3 ---
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS dashboard_version ON "ToolCategories";
                DROP TRIGGER IF EXISTS dashboard_version ON "Licences";
                DROP TRIGGER IF EXISTS dashboard_version ON "StructureKinds";
                DELETE FROM "SlugAliases" WHERE "Entity" IN ('ToolCategory', 'Licence', 'StructureKind');
                """);

            // --- Generated, moved first: the text columns back ---
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Structures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "DigitalTools",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Licence",
                table: "DigitalTools",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // --- Hand-written, reversing block 2: a value added since, or none, becomes « Autre » (not free) ---
            migrationBuilder.Sql("""
                UPDATE "DigitalTools" t SET
                  "Category" = coalesce((
                    SELECT former.stored
                    FROM (VALUES ('Collaboratif', 'travail-collaboratif'), ('Communication', 'communication-et-messagerie'),
                                 ('ReseauSocial', 'reseau-social'), ('Demarches', 'demarches-en-ligne'), ('Emploi', 'recherche-d-emploi'),
                                 ('Apprentissage', 'apprentissage-et-formation'), ('Bureautique', 'bureautique'),
                                 ('Publication', 'publication-et-site-web'), ('Cartographie', 'cartographie'), ('Autre', 'autre')) AS former(stored, slug)
                    JOIN "ToolCategories" c ON c."Slug" = former.slug WHERE c."Id" = t."CategoryId"), 'Autre'),
                  "Licence" = CASE WHEN (SELECT l."IsFree" FROM "Licences" l WHERE l."Id" = t."LicenceId") THEN 'Libre' ELSE 'Proprietaire' END;

                UPDATE "Structures" s SET
                  "Kind" = coalesce((
                    SELECT former.stored
                    FROM (VALUES ('Association', 'association'), ('CentreSocial', 'centre-social'), ('Collectivite', 'collectivite'),
                                 ('ServiceEtat', 'service-de-l-etat'), ('EtablissementScolaire', 'etablissement-scolaire'),
                                 ('InformationJeunesse', 'information-jeunesse'), ('Emploi', 'structure-de-l-emploi'),
                                 ('Autre', 'autre')) AS former(stored, slug)
                    JOIN "StructureKinds" k ON k."Slug" = former.slug WHERE k."Id" = s."KindId"), 'Autre');
                """);

            // --- Generated ---
            migrationBuilder.DropForeignKey(
                name: "FK_DigitalTools_Licences_LicenceId",
                table: "DigitalTools");

            migrationBuilder.DropForeignKey(
                name: "FK_DigitalTools_ToolCategories_CategoryId",
                table: "DigitalTools");

            migrationBuilder.DropForeignKey(
                name: "FK_Structures_StructureKinds_KindId",
                table: "Structures");

            migrationBuilder.DropTable(
                name: "Licences");

            migrationBuilder.DropTable(
                name: "StructureKinds");

            migrationBuilder.DropTable(
                name: "ToolCategories");

            migrationBuilder.DropIndex(
                name: "IX_Structures_KindId",
                table: "Structures");

            migrationBuilder.DropIndex(
                name: "IX_DigitalTools_CategoryId",
                table: "DigitalTools");

            migrationBuilder.DropIndex(
                name: "IX_DigitalTools_LicenceId",
                table: "DigitalTools");

            migrationBuilder.DropColumn(
                name: "KindId",
                table: "Structures");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "DigitalTools");

            migrationBuilder.DropColumn(
                name: "LicenceId",
                table: "DigitalTools");
        }
    }
}
