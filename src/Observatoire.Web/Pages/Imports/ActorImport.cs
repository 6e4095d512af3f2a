using Observatoire.Web.Pages.Directory.Actors;

namespace Observatoire.Web.Pages.Imports;

/// <summary>
/// People of the directory with their structures and roles: Coordination, who creates them and links them to structures
/// in the directory. Their contact details are for members: the export is too.
/// </summary>
public sealed class ActorImport : ImportKind
{
    public override string Slug => "personnes";
    public override string Name => "Personnes";
    public override string Summary => "Acteurs de l'annuaire, avec leur fonction, leurs coordonnées et leurs structures (et leur rôle dans chacune).";
    public override string Policy => Policies.Coordination;
    public override bool ExportIsPublic => false;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(DirectorySession<Actor>.IdColumn, "Identifiant", "Votre identifiant de la personne (facultatif) : un fichier suivant avec le même identifiant met sa fiche à jour.", "P-001", false, "Id", "Référence", "Code"),
        new("nom", "Nom", "Prénom et nom (obligatoire, 160 caractères au plus). Une personne du même nom est mise à jour.", "Léa Martin", true, "Nom complet", "Prénom et nom", "Personne", "Acteur"),
        new(DirectorySession<Actor>.SlugColumn, "Slug", "Adresse de la fiche dans le portail (/annuaire/acteurs/…), facultative.", "lea-martin", false, "Adresse courte"),
        new("categorie", "Catégorie", "« Professionnel de terrain », « Institutionnel » ou « Usager / habitant » ; vide : professionnel de terrain pour une nouvelle fiche.", "Professionnel de terrain", false, "Type d'acteur", "Profil"),
        new("fonction", "Fonction", "Fonction ou métier (160 caractères au plus).", "Animatrice numérique", false, "Poste", "Métier"),
        new("courriel", "Courriel", "Adresse électronique.", "lea.martin@exemple.fr", false, "E-mail", "Email", "Mél", "Adresse électronique"),
        new("telephone", "Téléphone", "Numéro de téléphone.", "02 47 00 00 00", false, "Tél", "Tel", "Portable"),
        new("presentation", "Présentation", "Quelques mots sur la personne (4 000 caractères au plus).", "Anime les ateliers du mardi.", false, "Bio", "Description"),
        new("structures", "Structures", "Les structures de la personne et son rôle dans chacune, séparées par « ; » : « Centre social Pluriel (animatrice) ; Association Rabière Numérique (bénévole) ». La liste remplace celle de la fiche.", "Centre social Pluriel (animatrice numérique)", false, "Structure", "Structures et rôles", "Rattachements"),
    ];

    /// <summary>« Centre social Pluriel (animatrice) ; … » as the « Structures » column writes it.</summary>
    public static string Memberships(IEnumerable<(string Structure, string Role)> memberships) =>
        string.Join(" ; ", memberships.Select(m => $"{m.Structure} ({m.Role})"));

    public override async Task<List<string?[]>?> ExportAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        var ids = await ImportLookups.ExternalIdsAsync(db, Slug, ct);
        var rows = await db.Actors.AsNoTracking().OrderBy(a => a.FullName)
            .Select(a => new
            {
                a.Id, a.FullName, a.Slug, a.Category, a.JobTitle, a.Email, a.Phone, a.Bio,
                Memberships = a.Memberships.OrderBy(m => m.Structure.Name).Select(m => new { m.Structure.Name, m.Role }).ToList(),
            }).ToListAsync(ct);
        return rows.Select(a => new[]
        {
            ids.GetValueOrDefault(a.Id), a.FullName, a.Slug, a.Category.Label(), a.JobTitle, a.Email, a.Phone, a.Bio,
            Memberships(a.Memberships.Select(m => (m.Name, m.Role))),
        }).ToList();
    }

    public override async Task<ImportSession> StartAsync(ImportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var actors = await db.Actors.Include(a => a.Memberships).ToListAsync(ct);
        var structures = await db.Structures.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        return new Session(context, actors, this, new ReferenceMatcher<Structure>(structures, s => s.Name, s => s.Slug));
    }

    private sealed class Session(ImportContext context, List<Actor> existing, ActorImport kind, ReferenceMatcher<Structure> structures)
        : DirectorySession<Actor>(context, existing, "personne", feminine: true)
    {
        private readonly Dictionary<string, ImportColumn> _columns = new()
        {
            [nameof(EditModel.InputModel.FullName)] = kind.Columns[1], [nameof(EditModel.InputModel.JobTitle)] = kind.Columns[4],
            [nameof(EditModel.InputModel.Email)] = kind.Columns[5], [nameof(EditModel.InputModel.Phone)] = kind.Columns[6],
            [nameof(EditModel.InputModel.Bio)] = kind.Columns[7],
        };
        private readonly Dictionary<string, ImportColumn> _roleColumn = new() { [nameof(ShowModel.MembershipInput.Role)] = kind.Columns[8] };

        protected override Actor Create(string name, string slug) => new() { FullName = name, Slug = slug };

        public override LinePlan Plan(ImportLine line)
        {
            var name = line["nom"]?.Trim();
            var input = new EditModel.InputModel { FullName = name, JobTitle = line["fonction"], Email = line["courriel"], Phone = line["telephone"], Bio = line["presentation"] };
            if (Validate(input, _columns) is { } invalid) return LinePlan.Refused(line, invalid);
            var (record, duplicate) = Identify(line, name!);
            if (duplicate is not null) return LinePlan.Refused(line, duplicate);

            var values = new Dictionary<string, object?> { [nameof(Actor.FullName)] = name };
            var stored = new Dictionary<string, string?>(line.Values) { ["nom"] = name };
            var errors = new List<string>();
            if (line["categorie"] is { } category)
            {
                var found = Enum.GetValues<ActorCategory>().Where(c => TextKey.Of(c.Label()) == TextKey.Of(category)).ToList();
                if (found is [var c]) (values[nameof(Actor.Category)], stored["categorie"]) = (c, c.Label());
                else errors.Add($"catégorie « {category} » inconnue : écrivez « Professionnel de terrain », « Institutionnel » ou « Usager / habitant »");
            }
            List<(Structure Structure, string Role)>? memberships = null;
            if (line.Values.ContainsKey("structures"))
            {
                memberships = [];
                foreach (var part in (line["structures"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var (structureName, role) = Split(part);
                    if (structures.Find(structureName) is not { } structure)
                        errors.Add(structures.Unknown("structure", structureName, feminine: true));
                    else if (Validate(new ShowModel.MembershipInput { StructureId = structure.Id, Role = role }, _roleColumn) is { } badRole)
                        errors.Add($"« {structure.Name} » : {badRole}");
                    else if (memberships.Any(m => m.Structure.Id == structure.Id))
                        errors.Add($"« {structure.Name} » est citée deux fois");
                    else memberships.Add((structure, role));
                }
                stored["structures"] = Memberships(memberships.Select(m => (m.Structure.Name, m.Role)));
            }
            if (errors.Count > 0) return LinePlan.Refused(line, string.Join(" ; ", errors));
            Texts(line, values, ("fonction", nameof(Actor.JobTitle)), ("courriel", nameof(Actor.Email)), ("telephone", nameof(Actor.Phone)),
                ("presentation", nameof(Actor.Bio)));
            var plan = Decide(line, record, name!, values, stored);
            if (memberships is null) return plan;
            var before = record?.Memberships.Select(m => (m.StructureId, m.Role)).Order().ToList() ?? [];
            var after = memberships.Select(m => (m.Structure.Id, m.Role)).Order().ToList();
            if (plan.Outcome == LineOutcome.Unchanged && !before.SequenceEqual(after))
                plan = plan with { Outcome = LineOutcome.Updated, Message = $"la personne « {name} » sera modifiée (structures)" };
            _memberships[plan.Line] = after;
            return plan;
        }

        private readonly Dictionary<int, List<(int StructureId, string Role)>> _memberships = [];

        /// <summary>
        /// « Centre social (Tours) (bénévole (le samedi)) »: the structure is the longest known name before an opening
        /// parenthesis, the role what the parentheses after it hold, so either may contain parentheses.
        /// </summary>
        private (string Structure, string Role) Split(string part)
        {
            if (!part.EndsWith(')')) return (part, "");
            for (var i = part.LastIndexOf('('); i > 0; i = part.LastIndexOf('(', i - 1))
                if (structures.Find(part[..i].Trim()) is not null) return (part[..i].Trim(), part[(i + 1)..^1].Trim());
            var first = part.IndexOf('(');
            return first > 0 ? (part[..first].Trim(), part[(first + 1)..^1].Trim()) : (part, "");
        }

        /// <summary>The « Structures » column replaces the person's memberships: added, role changed, or removed.</summary>
        protected override void Written(Actor record, LinePlan plan)
        {
            if (!_memberships.Remove(plan.Line, out var wanted)) return;
            record.Memberships.RemoveAll(m => wanted.All(w => w.StructureId != m.StructureId));
            foreach (var (structureId, role) in wanted)
                if (record.Memberships.FirstOrDefault(m => m.StructureId == structureId) is { } kept) kept.Role = role;
                else record.Memberships.Add(new StructureMembership { StructureId = structureId, Role = role });
        }
    }
}
