using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Data;

/// <summary>
/// Demo content of the wiki: its home page, the methodology, and experience reports drawn from the project text
/// (the Agora numérique of the Rabière, the partner space on Agora-Project, the DLA accompaniment…).
/// Records are linked by slug when the demo dataset has them. Idempotent: skips pages that exist.
/// </summary>
public static class DemoWiki
{
    private sealed record Seed(
        string Title, WikiPageType Type, WikiVisibility Visibility, string[] Categories,
        string[] Structures, string[] Tools, string[] Territories, string[] Themes,
        params (string Markdown, string Comment)[] Revisions);

    private const WikiPageType Report = WikiPageType.ExperienceReport;
    private const WikiVisibility Public = WikiVisibility.Public;

    public static async Task LoadAsync(ObservatoireDbContext db, AppUser author, CancellationToken ct)
    {
        var start = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var step = 0;
        foreach (var seed in Pages)
        {
            var slug = Infrastructure.Slug.From(seed.Title, 140);
            if (await db.WikiPages.AnyAsync(p => p.Slug == slug, ct)) continue;
            var page = new WikiPage
            {
                Title = seed.Title, Slug = slug, Type = seed.Type, Visibility = seed.Visibility,
                IsProtected = seed.Type == WikiPageType.Page, Categories = [.. seed.Categories],
                Structures = await db.Structures.Where(s => seed.Structures.Contains(s.Slug)).ToListAsync(ct),
                Tools = await db.DigitalTools.Where(t => seed.Tools.Contains(t.Slug)).ToListAsync(ct),
                Territories = await db.Territories.Where(t => seed.Territories.Contains(t.Slug)).ToListAsync(ct),
                Themes = await db.Themes.Where(t => seed.Themes.Contains(t.Slug)).ToListAsync(ct),
            };
            foreach (var (markdown, comment) in seed.Revisions)
                await WikiStore.SaveRevisionAsync(db, page, seed.Title, markdown, comment, author.Id, start.AddDays(3 * step++).AddHours(step % 5), ct);
        }
    }

    /// <summary>The wiki's home page as first written; its second revision goes on from there.</summary>
    private const string HomeStart = """
        Bienvenue sur le wiki de l'Observatoire partagé des usages collaboratifs et des outils numériques au service de l'emploi, de l'éducation et de la citoyenneté.

        Les structures du réseau y mutualisent leurs **retours d'expérience** : ce qui a été essayé, avec qui, avec quels outils, ce qui a marché et ce qui a coincé.

        ## Par où commencer

        - [[Méthode d'observation participative]] : comment nous observons et comment écrire un retour d'expérience ;
        - [[Agora numérique de la Rabière]] : l'expérience qui a lancé la démarche ;
        - [[Espace partenaires sur Agora-Project]] : outiller un réseau d'acteurs
        """;

    private static readonly Seed[] Pages =
    [
        new("Accueil du wiki", WikiPageType.Page, Public, ["wiki"], [], [], [], [],
            (HomeStart + ".", "Création de l'accueil"),
            ($"""
            {HomeStart} ;
            - [[Accompagnement DLA « Participer, coopérer, valoriser »]] : les journées qui ont fait émerger de nouveaux usages.

            ## Les retours par structure

            | Structure | Retours |
            |---|---|
            | Association Résoudre | [[Agora numérique de la Rabière]], [[Former les contributeurs de l'Agora]] |
            | Centre social du Sanitas | [[Outiller le réseau d'acteurs du Sanitas]], [[Atelier démarches en ligne au Sanitas]] |
            | Bureau Information Jeunesse | [[Le BIJ outille son réseau de partenaires jeunesse]] |
            | Centre social du Morier | [[Espace partenaires du centre social du Morier]] |

            ## Écrire un retour

            Utilisez « Nouvelle page » et choisissez « Retour d'expérience » : le modèle propose les rubriques contexte, acteurs, outils, ce qui a été fait, résultats, difficultés, enseignements et contacts.
            """, "Tableau des retours par structure")),

        new("Méthode d'observation participative", WikiPageType.Page, Public, ["méthode", "wiki"], [], [], [], [],
            ("""
            ## Pourquoi observer

            Nous sommes encore dans une phase exploratoire et d'émergence de nouveaux usages. Avant de réunir les acteurs pour mutualiser forces et compétences, nous organisons une **observation de ce qui se fait et se construit**.

            ## Qui observe

            Un groupe de travail réunit des acteurs professionnels de terrain (salariés d'association, équipes de prévention…), des usagers (habitants, demandeurs d'emploi, jeunes) et des acteurs institutionnels (collectivités, services de l'État). Il ne s'agit pas de réaliser une étude experte, mais d'accompagner une **expertise partagée**.

            ## Comment écrire un retour d'expérience

            1. Décrire le contexte et les acteurs, sans nommer les personnes accompagnées ;
            2. Citer les outils utilisés, et les lier aux fiches de l'annuaire ;
            3. Dire ce qui a été fait, les résultats, les difficultés, les enseignements ;
            4. Lier le retour aux observations qui l'ont nourri.

            Voir par exemple [[Agora numérique de la Rabière]].
            """, "Première version de la méthode")),

        new("Agora numérique de la Rabière", Report, Public, ["agora numérique", "travail collaboratif", "citoyenneté"],
            ["association-resoudre"], ["agora-project", "yeswiki"], ["rabiere"], ["citoyennete", "emploi"],
            ("""
            ## Contexte

            Dans le quartier de la Rabière, à Joué-lès-Tours, l'association Résoudre a conçu avec les habitants et les structures du quartier une Agora numérique : un lieu en ligne pour partager l'information locale.

            ## Acteurs

            L'association Résoudre, les habitants contributeurs, les structures du quartier.

            ## Outils utilisés

            Un site collaboratif et un espace partenaires sur Agora-Project.

            ## Ce qui a été fait

            Conception collaborative de l'Agora, ateliers d'écriture, accompagnement des contributeurs.
            """, "Premier jet"),
            ("""
            ## Contexte

            Dans le quartier de la Rabière, à Joué-lès-Tours, l'association Résoudre a conçu avec les habitants et les structures du quartier une Agora numérique : un lieu en ligne pour partager l'information locale et valoriser les initiatives.

            ## Acteurs

            L'association Résoudre, une quinzaine d'habitants contributeurs, le centre social, la médiathèque et les services de la ville.

            ## Outils utilisés

            Un site collaboratif (YesWiki) et un [[Espace partenaires sur Agora-Project]].

            ## Ce qui a été fait

            - Conception collaborative de l'Agora en quatre réunions publiques ;
            - ateliers d'écriture pour les habitants ;
            - [[Former les contributeurs de l'Agora|accompagnement des contributeurs]].

            ## Résultats

            L'Agora publie chaque semaine. Le travail dépasse aujourd'hui le cadre du quartier : d'autres structures demandent à outiller leurs réseaux d'acteurs (centre social du Sanitas, BIJ, centre social du Morier).

            ## Difficultés

            Maintenir l'animation quand les contributeurs bénévoles changent.

            ## Enseignements

            Un outil ne suffit pas : c'est l'accompagnement des contributeurs qui fait vivre l'Agora.

            ## Contacts

            Association Résoudre, Rabière.
            """, "Résultats, difficultés et enseignements")),

        new("Espace partenaires sur Agora-Project", Report, Public, ["travail collaboratif", "réseau d'acteurs"],
            ["association-resoudre"], ["agora-project"], ["rabiere"], ["citoyennete"],
            ("""
            ## Contexte

            Pour organiser le travail collectif autour de l'[[Agora numérique de la Rabière]], l'association Résoudre a ouvert un espace partenaires sur Agora-Project.

            ## Ce qui a été fait

            Agenda partagé, dossiers de fichiers communs, forum de coordination et liste de tâches pour chaque projet.

            ## Résultats

            Les réunions de coordination sont préparées en ligne ; les comptes rendus ne se perdent plus dans les messageries.

            ## Difficultés

            Les partenaires qui n'ouvrent l'espace qu'une fois par mois ont du mal à retrouver les nouveautés.

            ## Enseignements

            Un temps d'accueil d'une heure pour chaque nouveau partenaire évite la plupart des abandons.
            """, "Retour de la première année")),

        new("Accompagnement DLA « Participer, coopérer, valoriser »", Report, Public, ["accompagnement", "associations"],
            ["dla-d-indre-et-loire"], ["framapad", "framadate", "nextcloud"], ["tours", "joue-les-tours"], ["emploi", "citoyennete"],
            ("""
            ## Contexte

            L'accompagnement collectif « Participer, coopérer, valoriser — Maîtrise de l'outil numérique », impulsé par le DLA, s'adressait aux associations financées au titre du contrat urbain de cohésion sociale.

            ## Ce qui a été fait

            Des journées d'accompagnement : découverte d'outils collaboratifs libres, rédaction à plusieurs, sondages de dates, partage de fichiers.

            ## Résultats

            Des associations se sont emparé des outils et s'approprient de nouveaux usages : pads pour préparer les assemblées générales, sondages pour fixer les réunions.

            ## Enseignements

            C'est ce constat qui a donné naissance à l'observatoire : voir [[Méthode d'observation participative]].
            """, "Synthèse des journées")),

        new("Outiller le réseau d'acteurs du Sanitas", Report, Public, ["réseau d'acteurs", "travail collaboratif"],
            ["centre-social-du-sanitas"], ["agora-project", "framadate"], ["sanitas"], ["citoyennete"],
            ("""
            ## Contexte

            Après l'expérience de la Rabière, le centre social du Sanitas a demandé à être accompagné pour outiller son réseau d'acteurs du quartier.

            ## Ce qui a été fait

            Un espace partenaires sur le modèle de l'[[Espace partenaires sur Agora-Project]], avec un agenda commun des permanences.

            ## Résultats

            Les permanences d'accès aux droits sont affichées au même endroit pour toutes les structures.

            ## Difficultés

            Plusieurs partenaires préféraient rester sur la messagerie instantanée.
            """, "Premier bilan")),

        new("Atelier démarches en ligne au Sanitas", Report, Public, ["démarches en ligne", "accès aux droits"],
            ["centre-social-du-sanitas"], ["franceconnect", "ameli", "caf-en-ligne"], ["sanitas"], ["citoyennete"],
            ("""
            ## Contexte

            Beaucoup d'habitants viennent au centre social pour une démarche en ligne urgente.

            ## Ce qui a été fait

            Un atelier hebdomadaire où chacun apprend à faire **sa** démarche, plutôt que de la faire à sa place : créer son identifiant, se connecter avec FranceConnect, télécharger une attestation.

            ## Résultats

            - [x] Créer une adresse électronique
            - [x] Se connecter avec FranceConnect
            - [ ] Prendre rendez-vous en ligne seul

            ## Enseignements

            Noter les identifiants dans un carnet personnel que la personne garde ; ne jamais les conserver au centre.
            """, "Compte rendu du premier trimestre")),

        new("Le BIJ outille son réseau de partenaires jeunesse", Report, Public, ["réseau d'acteurs", "jeunesse"],
            ["bureau-information-jeunesse-de-tours"], ["nextcloud", "jitsi-meet"], ["tours-centre"], ["emploi", "education"],
            ("""
            ## Contexte

            Le Bureau Information Jeunesse de Tours accueille les 15-30 ans et travaille avec de nombreux partenaires. Il voulait partager agendas et ressources avec eux, comme à la Rabière ([[Agora numérique de la Rabière]]).

            ## Ce qui a été fait

            Un espace de fichiers partagés et des visioconférences courtes pour les réunions de réseau.

            ## Résultats

            Les offres de jobs d'été sont mises en commun en un seul tableau.
            """, "Création"),
            ("""
            ## Contexte

            Le Bureau Information Jeunesse de Tours accueille les 15-30 ans et travaille avec de nombreux partenaires. Il voulait partager agendas et ressources avec eux, comme à la Rabière ([[Agora numérique de la Rabière]]).

            ## Ce qui a été fait

            Un espace de fichiers partagés et des visioconférences courtes (30 minutes) pour les réunions de réseau.

            ## Résultats

            Les offres de jobs d'été sont mises en commun en un seul tableau, mis à jour par six partenaires.

            ## Difficultés

            Les jeunes eux-mêmes n'utilisent pas ces outils : ils passent par les réseaux sociaux.
            """, "Précisions sur les résultats")),

        new("Espace partenaires du centre social du Morier", Report, Public, ["réseau d'acteurs", "travail collaboratif"],
            ["centre-social-du-morier"], ["agora-project"], ["morier"], ["citoyennete", "education"],
            ("""
            ## Contexte

            Le centre social du Morier, à Joué-lès-Tours, a souhaité reprendre la démarche de la Rabière pour coordonner accompagnement à la scolarité et projets d'habitants.

            ## Ce qui a été fait

            Ouverture d'un espace partenaires, formation de deux animatrices par l'association Résoudre ([[Former les contributeurs de l'Agora]]).

            ## Résultats

            Le calendrier de l'accompagnement à la scolarité est partagé avec les écoles du quartier.
            """, "Création")),

        new("Former les contributeurs de l'Agora", Report, Public, ["formation", "agora numérique"],
            ["association-resoudre"], ["agora-project", "yeswiki"], ["rabiere"], ["education", "citoyennete"],
            ("""
            ## Contexte

            L'[[Agora numérique de la Rabière]] vit grâce à ses contributeurs : habitants, animateurs, bénévoles.

            ## Ce qui a été fait

            Un parcours en trois séances : écrire un article, ajouter une photo, annoncer un événement.

            ## Enseignements

            Travailler en binôme : un contributeur expérimenté accompagne un nouveau pendant un mois.
            """, "Création")),

        new("Visioconférence et familles pendant la fermeture des écoles", Report, WikiVisibility.Members, ["éducation", "familles"],
            ["parents-passerelle"], ["jitsi-meet", "pronote", "ent"], ["sanitas"], ["education"],
            ("""
            ## Contexte

            Pendant la fermeture des écoles, l'association Parents Passerelle a gardé le lien avec les familles du Sanitas.

            ## Ce qui a été fait

            Des cafés des parents en visioconférence et une aide pour se connecter à l'ENT et à Pronote.

            ## Difficultés

            Un seul téléphone par famille, partagé entre plusieurs enfants.
            """, "Création")),

        new("Recherche d'emploi accompagnée avec France Travail", Report, Public, ["emploi", "démarches en ligne"],
            ["maison-de-l-emploi-de-tours", "tremplin-emploi-37"], ["france-travail", "1jeune1solution", "linkedin"], ["tours-centre", "europe"], ["emploi"],
            ("""
            ## Contexte

            Des demandeurs d'emploi peu à l'aise avec le numérique doivent actualiser leur situation et candidater en ligne.

            ## Ce qui a été fait

            Des ateliers « CV et candidature en ligne » et un accompagnement à l'espace personnel France Travail.

            ## Résultats

            La plupart des participants actualisent seuls leur situation après trois séances.

            ## Enseignements

            Partir des offres qui intéressent la personne, pas de l'outil.
            """, "Création")),

        new("Cartographier les lieux ressources du quartier Europe", Report, Public, ["cartographie", "citoyenneté"],
            ["regie-de-quartier-europe-maryse-bastie"], ["umap", "openstreetmap"], ["europe", "maryse-bastie"], ["citoyennete"],
            ("""
            ## Contexte

            Les habitants ne connaissaient pas tous les lieux où se faire aider pour le numérique.

            ## Ce qui a été fait

            Une carte collaborative des lieux ressources, complétée pendant des balades urbaines.

            ## Résultats

            La carte est imprimée et affichée dans les halls d'immeubles ; elle renvoie vers l'[[Accueil du wiki]].
            """, "Création")),

        new("Seniors et messagerie : garder le lien", Report, Public, ["seniors", "communication"],
            ["seniors-connectes-tours"], ["signal", "messagerie-electronique"], ["bords-de-loire"], ["citoyennete"],
            ("""
            ## Contexte

            Des seniors isolés souhaitaient échanger avec leurs proches.

            ## Ce qui a été fait

            Des ateliers en petits groupes pour installer une messagerie et envoyer photos et messages vocaux.

            ## Enseignements

            Les messages vocaux lèvent la barrière de l'écrit.
            """, "Création")),
    ];
}
