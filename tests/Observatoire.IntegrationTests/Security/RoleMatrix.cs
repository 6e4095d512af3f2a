namespace Observatoire.IntegrationTests.Security;

/// <summary>Who may open a page, as users should experience it (written from the product, not read from the code).</summary>
public enum Access
{
    /// <summary>Everyone, signed in or not.</summary>
    Public,
    /// <summary>Any signed-in account with a role.</summary>
    Member,
    /// <summary>Contributeur, Coordination, Administrateur.</summary>
    Contributor,
    /// <summary>Coordination, Administrateur.</summary>
    Coordination,
    /// <summary>Partenaire, Coordination, Administrateur: the full dashboard and syntheses.</summary>
    Reader,
    /// <summary>Administrateur only.</summary>
    Admin,
}

/// <summary>
/// Every page of the portal and who may open it. A module adds its pages here (GET routes that need no data;
/// per-record rules are tested in the module's own tests), and <see cref="RoleMatrixTests"/> checks each
/// page for an anonymous visitor and each role.
/// </summary>
public static class RoleMatrix
{
    public static readonly (string Route, Access Access)[] Pages =
    [
        ("/", Access.Public),
        ("/healthz", Access.Public),
        ("/compte/connexion", Access.Public),
        ("/compte/mot-de-passe-oublie", Access.Public),
        ("/compte/deconnexion", Access.Public),
        ("/compte", Access.Member),
        ("/compte/mot-de-passe", Access.Member),
        ("/compte/mes-donnees", Access.Member),
        ("/compte/notifications", Access.Member),
        ("/notifications", Access.Member),
        ("/admin", Access.Admin),
        ("/admin/comptes", Access.Admin),
        ("/admin/comptes/inviter", Access.Admin),
        ("/admin/courriels", Access.Admin),
        ("/admin/parametres", Access.Admin),
        ("/mentions-legales", Access.Public),
        ("/confidentialite", Access.Public),
        ("/methodologie", Access.Public),
        ("/accessibilite", Access.Public),
        ("/admin/listes", Access.Coordination),
        ("/admin/listes/themes", Access.Coordination),
        ("/admin/listes/publics", Access.Coordination),
        ("/admin/listes/territoires", Access.Coordination),
        ("/admin/contours-territoires", Access.Coordination),
        ("/admin/listes/niveaux", Access.Admin),
        ("/admin/listes/types-de-structure", Access.Coordination),
        ("/admin/listes/categories-d-outils", Access.Coordination),
        ("/admin/listes/licences", Access.Coordination), // read by Coordination, changed by the administrator only
        ("/wiki", Access.Public),
        ("/wiki/modifications-recentes", Access.Public),
        ("/wiki/modifications-recentes.atom", Access.Public),
        ("/wiki/nouvelle", Access.Contributor),
        ("/wiki/suivi", Access.Member),
        ("/wiki/page-a-creer/modifier", Access.Contributor),
        // The observation search of the editor's script: per record, only what the person may see (Wiki/ObservationPickerTests).
        ("/wiki/page-a-creer/modifier?handler=Observations&q=atelier", Access.Contributor),
        ("/recherche", Access.Public),
        ("/syntheses", Access.Reader),
        ("/syntheses/comparer", Access.Reader),
        ("/admin/journal", Access.Admin),
        ("/compte/double-authentification", Access.Member),
        ("/compte/double-authentification/activer", Access.Member),
        ("/compte/double-authentification/desactiver", Access.Member),
        ("/observations", Access.Member),
        ("/observations/nouvelle", Access.Contributor),
        ("/observations/a-valider", Access.Coordination),
        ("/observations/export.csv", Access.Member),
        ("/observations/export.json", Access.Member),
        ("/annuaire/structures", Access.Public),
        ("/annuaire/structures/nouvelle", Access.Coordination),
        ("/annuaire/outils", Access.Public),
        ("/annuaire/outils/nouveau", Access.Coordination),
        ("/annuaire/territoires", Access.Public),
        ("/annuaire/territoires/nouveau", Access.Coordination),
        ("/annuaire/acteurs", Access.Member),
        ("/annuaire/acteurs/nouveau", Access.Coordination),
        ("/annuaire/export/structures", Access.Public),
        ("/annuaire/export/outils", Access.Public),
        ("/annuaire/export/territoires", Access.Public),
        ("/annuaire/export/personnes", Access.Member),
        ("/import", Access.Coordination),
        ("/import/structures", Access.Coordination),
        ("/import/outils", Access.Coordination),
        ("/import/territoires", Access.Coordination),
        ("/import/personnes", Access.Coordination),
        ("/enquetes", Access.Public),
        ("/enquetes/gestion", Access.Coordination),
        ("/groupes", Access.Public),
        ("/groupes/nouveau", Access.Coordination),
        ("/evenements", Access.Public),
        ("/evenements/nouveau", Access.Coordination),
        ("/evenements/calendrier.ics", Access.Public),
        ("/veille", Access.Public),
        ("/veille/semaine", Access.Public),
        ("/veille/semaine?semaine=2026-W47", Access.Public),
        ("/veille/proposer", Access.Member),
        ("/veille/a-examiner", Access.Coordination),
        ("/veille/sources", Access.Coordination),
        ("/tableau-de-bord", Access.Public),
        ("/tableau-de-bord/declare-observe", Access.Public),
        ("/tableau-de-bord/declare-observe/csv", Access.Public),
        ("/tableau-de-bord/carte", Access.Public),
        ("/tableau-de-bord/csv?graphique=themes", Access.Public),
        ("/tableau-de-bord/donnees?format=csv", Access.Member),
        ("/tableau-de-bord/donnees?format=json", Access.Member),
        ("/tableau-de-bord/participation", Access.Public), // members see each kind, the public a suppressed summary
        ("/tableau-de-bord/participation/csv", Access.Public),
        ("/donnees-ouvertes", Access.Public),
        ("/donnees-ouvertes?periode=2026-T1", Access.Public),
        ("/donnees-ouvertes/datapackage.json", Access.Public),
        ("/donnees-ouvertes/observations.schema.json", Access.Public),
        ("/donnees-ouvertes/themes/2026.csv", Access.Public),
        ("/observations/a-observer", Access.Member),
        ("/observations/a-observer/csv", Access.Member),
    ];

    /// <summary>A visitor without an account, next to the roles in the test data.</summary>
    public const string Anonymous = "anonyme";

    public static readonly string[] Visitors = [Anonymous, .. Roles.All];

    public enum Outcome { Ok, RedirectToLogin, Forbidden, NotFound }

    /// <summary>
    /// Routes that cannot be visited without a record (an id, a slug, a file name) or a token from an e-mail or a
    /// previous step: <see cref="RecordMatrix"/> visits each with records of the test world. A page route that is
    /// neither here nor reached by <see cref="Pages"/> fails <see cref="RouteCoverageTests"/>.
    /// </summary>
    public static readonly string[] NeedsRecord =
    [
        "/admin/comptes/{id}",
        "/admin/listes/{list}/{slug}", "/admin/listes/{list}/{slug}/fusionner",
        "/annuaire/acteurs/{slug}", "/annuaire/acteurs/{slug}/modifier", "/annuaire/acteurs/{slug}/historique",
        "/annuaire/outils/{slug}", "/annuaire/outils/{slug}/modifier", "/annuaire/outils/{slug}/historique",
        "/annuaire/structures/{slug}", "/annuaire/structures/{slug}/modifier", "/annuaire/structures/{slug}/historique",
        "/annuaire/territoires/{slug}", "/annuaire/territoires/{slug}/modifier", "/annuaire/territoires/{slug}/historique",
        "/annuaire/{kind}/{slug}/fusionner",
        "/compte/connexion-2fa", "/compte/connexion-recuperation", "/compte/invitation", "/compte/reinitialiser",
        "/enquetes/{slug}", "/enquetes/{slug}/merci",
        "/enquetes/gestion/{id:int}", "/enquetes/gestion/{id:int}/codes", "/enquetes/gestion/{id:int}/qr",
        "/enquetes/gestion/{id:int}/question/{questionId:int?}", "/enquetes/gestion/{id:int}/resultats", "/enquetes/gestion/{id:int}/reponses-libres",
        "/enquetes/gestion/{id:int}/reponses-libres/{answerId:long}",
        "/evenements/{key}", "/evenements/{id:int}/modifier", "/evenements/{id:int}/annuler", "/evenements/{id:int}/ajouter.ics", "/evenements/desinscription",
        "/groupes/{slug}", "/groupes/{slug}/modifier", "/groupes/{slug}/calendrier.ics",
        "/observations/{id:int}", "/observations/{id:int}/modifier", "/observations/{id:int}/historique",
        "/veille/{id:int}", "/veille/{id:int}/modifier",
        "/wiki/{slug}", "/wiki/{slug}/modifier", "/wiki/{slug}/historique", "/wiki/{slug}/diff",
        "/wiki/{slug}/version/{numero:int}", "/wiki/{slug}/fichiers", "/wiki/{slug}/fichiers/{nom}",
        "/syntheses/{reference}.pdf", "/syntheses/apercu", "/s/{reference}/{target?}", "/syntheses/{reference}/comparer",
        "/import/lots/{id:int}",
    ];

    /// <summary>Page routes nobody navigates to, and why.</summary>
    public static readonly Dictionary<string, string> NotVisited = new()
    {
        ["/Index"] = "second nom de la page d'accueil « / », visitée par la matrice",
        ["/Errors/Status"] = "page d'erreur, servie par ré-exécution",
        ["/compte/acces-refuse"] = "page « accès refusé » : elle répond 403 à tous, c'est elle que chaque 403 de la matrice affiche",
        ["/installation"] = "page d'installation : 200 tant qu'aucun administrateur n'existe, 404 ensuite (SetupTests la visitent dans les deux états)",
        ["/notifications/desabonnement"] = "désabonnement sans connexion : sans jeton signé elle répond 400 à tous (Notifications/NotificationTests la visitent avec un jeton)",
        ["/erreur/{code:int}"] = "page d'erreur, servie par ré-exécution (statuts testés dans HeadersTests et DatabaseUnavailableTests)",
    };

    public static Outcome Expected(Access access, string visitor) =>
        access == Access.Public ? Outcome.Ok
        : visitor == Anonymous ? Outcome.RedirectToLogin
        : AllowedRoles(access).Contains(visitor) ? Outcome.Ok
        : Outcome.Forbidden;

    private static string[] AllowedRoles(Access access) => access switch
    {
        Access.Member => Roles.All,
        Access.Contributor => [Roles.Contributeur, Roles.Coordination, Roles.Administrateur],
        Access.Coordination => [Roles.Coordination, Roles.Administrateur],
        Access.Reader => [Roles.Partenaire, Roles.Coordination, Roles.Administrateur],
        Access.Admin => [Roles.Administrateur],
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };
}
