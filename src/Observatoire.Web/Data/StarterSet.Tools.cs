namespace Observatoire.Web.Data;

// The starter lists of tool categories, licences and structure kinds: the values the portal had when they were enums,
// in the same order, under the same names and slugs (the ReferenceTables migration inserts the same rows into an
// existing database, so that addresses such as /tableau-de-bord?type=centre-social keep working).
public static partial class StarterSet
{
    public sealed record ToolCategorySeed(string Name, string Slug, string Description);

    public sealed record LicenceSeed(string Name, string Slug, string Description, bool IsFree);

    public sealed record StructureKindSeed(string Name, string Slug, string Description);

    public static readonly ToolCategorySeed[] ToolCategories =
    [
        new("Travail collaboratif", "travail-collaboratif", "Partager fichiers, agendas et documents, écrire et décider à plusieurs."),
        new("Communication et messagerie", "communication-et-messagerie", "Échanger par messages, courriels, appels ou visioconférence."),
        new("Réseau social", "reseau-social", "Publier, suivre et échanger au sein de communautés en ligne."),
        new("Démarches en ligne", "demarches-en-ligne", "Accéder à ses droits et faire ses démarches administratives sur internet."),
        new("Recherche d'emploi", "recherche-d-emploi", "Chercher un emploi ou une formation, candidater, suivre son parcours."),
        new("Apprentissage et formation", "apprentissage-et-formation", "Apprendre, suivre une scolarité, évaluer et certifier ses compétences."),
        new("Bureautique", "bureautique", "Écrire, calculer et présenter : traitement de texte, tableur, diaporama."),
        new("Publication et site web", "publication-et-site-web", "Créer et publier des contenus : site, blog, wiki, affiche."),
        new("Cartographie", "cartographie", "Créer, consulter et partager des cartes."),
        new("Autre", "autre", "Les outils qui n'entrent dans aucune autre catégorie."),
    ];

    public static readonly LicenceSeed[] Licences =
    [
        new("Libre", "libre", "Logiciel libre : chacun peut l'utiliser, l'étudier, le modifier et le partager.", IsFree: true),
        new("Propriétaire", "proprietaire", "Logiciel dont l'éditeur garde le code et fixe seul les conditions d'utilisation.", IsFree: false),
    ];

    public static readonly StructureKindSeed[] StructureKinds =
    [
        new("Association", "association", "Association loi 1901, quelle que soit sa taille."),
        new("Centre social", "centre-social", "Centre social ou maison de quartier, lieu d'animation de la vie locale."),
        new("Collectivité", "collectivite", "Commune, métropole, département ou région, et leurs services et équipements."),
        new("Service de l'État", "service-de-l-etat", "Administration ou service déconcentré de l'État (préfecture, DDETS…)."),
        new("Établissement scolaire", "etablissement-scolaire", "École, collège, lycée ou organisme de formation."),
        new("Information jeunesse", "information-jeunesse", "Bureau ou point Information jeunesse."),
        new("Structure de l'emploi", "structure-de-l-emploi", "Acteur de l'emploi et de l'insertion : mission locale, maison de l'emploi…"),
        new("Autre", "autre", "Les structures qui n'entrent dans aucun autre type."),
    ];

    /// <summary>The starter rows as entities, in their order (SortOrder 1, 2…), for a loader to add to the context.</summary>
    public static List<ToolCategory> NewToolCategories() =>
        [.. ToolCategories.Select((c, i) => new ToolCategory { Name = c.Name, Slug = c.Slug, Description = c.Description, SortOrder = i + 1 })];

    public static List<Licence> NewLicences() =>
        [.. Licences.Select((l, i) => new Licence { Name = l.Name, Slug = l.Slug, Description = l.Description, IsFree = l.IsFree, SortOrder = i + 1 })];

    public static List<StructureKind> NewStructureKinds() =>
        [.. StructureKinds.Select((k, i) => new StructureKind { Name = k.Name, Slug = k.Slug, Description = k.Description, SortOrder = i + 1 })];
}
