namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// Pages and form handlers about one record, visited with the records of <see cref="RecordAccessTests"/>'s world
/// (written from the product rules, not read from the code). Each expectation is one letter per visitor, in the
/// order of <see cref="Visitors"/>: O = the page (200), L = sent to the sign-in page, F = 403, N = 404,
/// - = not tried here (a successful write is the module's own test).
/// URLs name records as {id:…} or {slug:…}; the test replaces them with the world's ids and slugs.
/// </summary>
public static class RecordMatrix
{
    public const string Animateur = "animateur";
    public const string Auteur = "auteur";

    /// <summary>
    /// Anonymous, the four roles (the Contributeur belongs to structure A, the Partenaire to none), the animateur of the
    /// group (a Contributeur without structure) and the author (a Contributeur of structure B who wrote B's draft,
    /// posted the watch link and asked to join nothing).
    /// </summary>
    public static readonly string[] Visitors =
        [RoleMatrix.Anonymous, "Administrateur", "Coordination", "Contributeur", "Partenaire", Animateur, Auteur];

    public sealed record Case(string Url, string Expect, string Why, string Method = "GET");

    public static readonly Case[] Cases =
    [
        // Observations: another structure's records, by id; anything not visible answers 404 (ids reveal nothing).
        new("/observations/{id:obs-b-validee}", "LOOOOOO", "observation validée d'une autre structure"),
        new("/observations/{id:obs-b-brouillon}", "LOONNNO", "brouillon d'une autre personne d'une autre structure"),
        new("/observations/{id:obs-b-brouillon}/historique", "LOONNNO", "historique du brouillon d'autrui"),
        new("/observations/{id:obs-b-brouillon}/modifier", "LOONFNO", "modifier le brouillon d'autrui"),
        new("/observations/{id:obs-a-brouillon}", "LOOONNN", "brouillon d'un collègue de la structure A"),
        new("/observations/{id:obs-a-brouillon}/modifier", "LOOOFNN", "modifier le brouillon d'un collègue"),
        new("/observations/{id:obs-b-validee}/modifier", "LOOFFFF", "une observation validée (visible) n'est corrigée que par la coordination"),
        new("/observations/{id:devinee}", "LNNNNNN", "identifiant deviné"),
        new("/observations/{id:devinee}/modifier", "LNNNFNN", "identifiant deviné, modification"),
        new("/observations/{id:devinee}/historique", "LNNNNNN", "identifiant deviné, historique"),
        new("/observations/{id:obs-b-soumise}?handler=Valider", "L--NNNF", "valider est réservé à la coordination (invisible : 404)", "POST"),
        new("/observations/{id:obs-b-brouillon}?handler=Soumettre", "L--NNN-", "soumettre le brouillon d'autrui", "POST"),

        // Imports: staff only; an import that does not exist (another person's is ImportTests' own case).
        new("/import/lots/999999", "LNNFFFF", "import inexistant"),

        // Wiki: a members-only page, a protected page, an attachment.
        new("/wiki/{slug:wiki-publique}", "OOOOOOO", "page publique"),
        // Syntheses: readers only; a reference that does not exist is a 404 for them, a 403 for contributors.
        new("/syntheses/SYN-2099-9999.pdf", "LNNFNFF", "synthèse inexistante"),
        // A synthesis's printed back-link: open to anyone holding the paper copy; an unknown reference is a 404 for all.
        new("/s/SYN-2099-9999/graphique-themes", "NNNNNNN", "lien imprimé d'une synthèse inexistante"),
        new("/syntheses/apercu?du=2026-01-01&au=2026-06-30", "LOOFOFF", "aperçu d'une synthèse (ses paramètres viennent du formulaire)"),
        new("/syntheses/SYN-2099-9999/comparer", "LNNFNFF", "comparer une synthèse inexistante"),
        new("/syntheses/comparer?a=SYN-2099-9999&b=SYN-2099-9998", "LNNFNFF", "comparer deux synthèses inexistantes"),
        new("/syntheses/comparer?du=2026-01-01&au=2026-03-31&du2=2026-04-01&au2=2026-06-30", "LOOFOFF", "comparer deux périodes (chiffres publiés d'aujourd'hui)"),
        new("/wiki/{slug:wiki-membres}", "LOOOOOO", "page réservée aux membres"),
        new("/wiki/{slug:wiki-membres}/historique", "LOOOOOO", "historique d'une page réservée"),
        new("/wiki/{slug:wiki-membres}/diff?de=1&a=2", "LOOOOOO", "différences d'une page réservée"),
        new("/wiki/{slug:wiki-membres}/version/1", "LOOOOOO", "ancienne version d'une page réservée"),
        new("/wiki/{slug:wiki-membres}/fichiers", "LOOOOOO", "fichiers d'une page réservée"),
        new("/wiki/{slug:wiki-membres}/fichiers/note.txt", "LOOOOOO", "fichier d'une page réservée"),
        new("/wiki/{slug:wiki-membres}/modifier", "LOOOFOO", "modifier une page réservée"),
        new("/wiki/{slug:wiki-protegee}", "OOOOOOO", "page protégée, lecture"),
        new("/wiki/{slug:wiki-protegee}/modifier", "LOOFFFF", "modifier une page protégée"),
        new("/wiki/{slug:wiki-publique}/modifier", "LOOOFOO", "modifier une page ordinaire"),
        new("/wiki/page-qui-n-existe-pas", "NNNNNNN", "page inexistante"),
        new("/wiki/{slug:wiki-publique}/fichiers/inexistant.png", "NNNNNNN", "fichier inexistant"),

        // Surveys: a draft exists only in the builder's preview.
        new("/enquetes/{slug:enquete-brouillon}", "NNNNNNN", "enquête en brouillon"),
        new("/enquetes/{slug:enquete-brouillon}?apercu=1", "LOOFFFF", "aperçu d'un brouillon"),
        new("/enquetes/{slug:enquete-brouillon}/merci", "NNNNNNN", "remerciements d'un brouillon"),
        new("/enquetes/{slug:enquete-ouverte}", "OOOOOOO", "enquête ouverte"),
        new("/enquetes/{slug:enquete-ouverte}/merci", "OOOOOOO", "remerciements d'une enquête ouverte"),
        new("/enquetes/{slug:enquete-ouverte}?assiste=1", "LOOOFOO", "saisie accompagnée"),
        new("/enquetes/gestion/{id:enquete-brouillon}", "LOOFFFF", "constructeur"),
        new("/enquetes/gestion/{id:enquete-brouillon}/question/{id:question}", "LOOFFFF", "question du constructeur"),
        new("/enquetes/gestion/{id:enquete-brouillon}/question", "LOOFFFF", "nouvelle question"),
        new("/enquetes/gestion/{id:enquete-ouverte}/codes", "LOOFFFF", "codes d'invitation"),
        new("/enquetes/gestion/{id:enquete-ouverte}/qr", "LOOFFFF", "affiche QR"),
        new("/enquetes/gestion/{id:enquete-ouverte}/resultats", "LOOFOFF", "résultats (partenaires compris)"),
        new("/enquetes/gestion/{id:enquete-ouverte}/reponses-libres", "LOOFFFF", "relecture des réponses libres"),
        new("/enquetes/gestion/{id:enquete-ouverte}/reponses-libres/{id:reponse-libre}", "LOOFFFF", "une réponse libre à relire"),
        new("/enquetes/gestion/{id:enquete-brouillon}/reponses-libres/{id:reponse-libre}", "LNNFFFF", "une réponse libre par l'adresse d'une autre enquête"),
        new("/enquetes/gestion/{id:devinee}", "LNNFFFF", "identifiant d'enquête deviné"),

        // Groups, events: what only the group's animateur (or Coordination) may do.
        new("/groupes/{slug:groupe}", "OOOOOOO", "page du groupe"),
        new("/groupes/{slug:groupe}/calendrier.ics", "OOOOOOO", "agenda du groupe"),
        new("/groupes/{slug:groupe}/modifier", "LOOFFOF", "modifier le groupe"),
        new("/groupes/groupe-devine/modifier", "LNNNNNN", "groupe deviné"),
        new("/groupes/{slug:groupe}?handler=Approve&membershipId={id:adhesion}", "L--FF-F", "approuver une adhésion", "POST"),
        new("/groupes/{slug:groupe}?handler=Remove&membershipId={id:adhesion}", "L--FF-F", "retirer un membre", "POST"),
        new("/evenements/{slug:evenement-groupe}", "OOOOOOO", "événement public"),
        new("/evenements/{slug:evenement-interne}", "OOOOOOO", "événement sur inscription des membres : sa page reste publique"),
        new("/evenements/{id:evenement-groupe}/modifier", "LOOFFOF", "modifier l'événement du groupe"),
        new("/evenements/{id:evenement-groupe}/ajouter.ics", "OOOOOOO", "ajouter à son agenda"),
        new("/evenements/{id:evenement-groupe}/annuler", "LOOFFOF", "confirmer l'annulation de l'événement du groupe"),
        new("/evenements/{id:evenement-groupe}/annuler", "L--FF-F", "annuler l'événement du groupe", "POST"),
        new("/evenements/{id:devinee}/annuler", "LNNNNNN", "annulation d'un événement deviné"),
        new("/evenements/{id:devinee}/modifier", "LNNNNNN", "événement deviné"),
        new("/evenements/desinscription", "NNNNNNN", "désinscription sans jeton"),
        new("/evenements/desinscription?jeton=devine", "NNNNNNN", "désinscription avec un jeton deviné"),

        // Watch: links posted by someone else, one waiting for review.
        new("/veille/{id:veille-publiee}", "OOOOOOO", "lien publié"),
        new("/veille/{id:veille-publiee}/modifier", "LOOFFFO", "modifier le lien d'autrui"),
        new("/veille/{id:veille-a-examiner}", "NOONNNN", "lien pas encore examiné"),
        new("/veille/{id:veille-publiee}?handler=Delete", "L--FFFF", "supprimer un lien", "POST"),

        // Directory: another structure's record.
        new("/annuaire/structures/{slug:structure-b}", "OOOOOOO", "fiche d'une structure"),
        new("/annuaire/structures/{slug:structure-b}/modifier", "LOOFFFO", "modifier une autre structure"),
        new("/annuaire/structures/{slug:structure-a}/modifier", "LOOOFFF", "modifier sa structure"),
        new("/annuaire/structures/{slug:structure-b}/fusionner", "LOOFFFF", "préparer la fusion de deux structures"),
        new("/annuaire/structures/{slug:structure-b}/fusionner", "L--FFFF", "fusionner des structures", "POST"),
        new("/annuaire/outils/{slug:outil}/fusionner", "LOOFFFF", "préparer la fusion de deux outils"),
        new("/annuaire/territoires/{slug:territoire}/fusionner", "LOOFFFF", "préparer la fusion de deux territoires"),
        new("/annuaire/outils/{slug:outil}", "OOOOOOO", "fiche d'un outil"),
        new("/annuaire/outils/{slug:outil}/modifier", "LOOFFFF", "modifier un outil"),
        new("/annuaire/territoires/{slug:territoire}", "OOOOOOO", "fiche d'un territoire"),
        new("/annuaire/territoires/{slug:territoire}/modifier", "LOOFFFF", "modifier un territoire"),
        new("/annuaire/acteurs/{slug:acteur}", "LOOOOOO", "fiche d'un acteur"),
        new("/annuaire/acteurs/{slug:acteur}/modifier", "LOOFFFF", "modifier un acteur"),
        new("/annuaire/acteurs/acteur-devine", "LNNNNNN", "acteur deviné"),
        // A record's history is for those who may edit it; a person's, like their page, for every member.
        new("/annuaire/structures/{slug:structure-b}/historique", "LOOFFFO", "historique d'une autre structure"),
        new("/annuaire/structures/{slug:structure-a}/historique", "LOOOFFF", "historique de sa structure"),
        new("/annuaire/structures/structure-devinee/historique", "LNNNFNN", "historique d'une structure devinée"),
        new("/annuaire/outils/{slug:outil}/historique", "LOOFFFF", "historique d'un outil"),
        new("/annuaire/territoires/{slug:territoire}/historique", "LOOFFFF", "historique d'un territoire"),
        new("/annuaire/acteurs/{slug:acteur}/historique", "LOOOOOO", "historique d'un acteur"),
        new("/annuaire/acteurs/acteur-devine/historique", "LNNNNNN", "historique d'un acteur deviné"),

        // Reference lists: Coordination edits a value, the administrator alone merges; a guessed list or value is a 404.
        new("/admin/listes/territoires/{slug:territoire}", "LOOFFFF", "modifier un territoire de la liste"),
        new("/admin/listes/territoires/{slug:territoire}/fusionner", "LOFFFFF", "préparer la fusion de deux territoires de la liste"),
        new("/admin/listes/territoires/{slug:territoire}/fusionner", "L-FFFFF", "fusionner deux territoires de la liste", "POST"),
        new("/admin/listes/themes/theme-devine", "LNNFFFF", "valeur devinée"),
        new("/admin/listes/liste-devinee", "LNNFFFF", "liste devinée"),

        // Accounts: another person's account, and the pages reached from an e-mail or a sign-in step without it.
        new("/admin/comptes/{id:compte-auteur}", "LOFFFFF", "compte d'une autre personne"),
        new("/admin/comptes/compte-devine", "LNFFFFF", "compte deviné"),
        new("/compte/reinitialiser", "NNNNNNN", "réinitialisation sans code"),
        new("/compte/invitation", "NNNNNNN", "invitation sans code"),
        new("/compte/invitation?userId={id:compte-auteur}&code=devine", "NNNNNNN", "invitation avec un code deviné"),
        new("/compte/connexion-2fa", "LLLLLLL", "deuxième étape sans la première"),
        new("/compte/connexion-recuperation", "LLLLLLL", "code de secours sans la première étape"),
    ];
}
