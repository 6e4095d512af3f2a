namespace Observatoire.Web.Data;

// Records of the demo dataset: what it says of each place, tools, structures and people.
// Every person is invented; every web and e-mail address is on the reserved .example domain.
public partial class DemoData
{
    // Names, slugs and order come from the starter set (StarterSet.cs), as on a real instance; the demo adds what its
    // invented structures give each place: a few words of local colour.
    private static readonly Dictionary<string, string> PlaceStories = new()
    {
        ["tours"] =
            "Préfecture d'Indre-et-Loire, au cœur de la métropole. Plusieurs quartiers prioritaires de la politique de la ville, au nord comme au sud de la Loire.",
        ["sanitas"] =
            "Grand quartier d'habitat social au sud de la gare, en renouvellement urbain. Tissu associatif dense autour du centre social.",
        ["rives-du-cher"] =
            "Quartier résidentiel le long du Cher, entre immeubles des années 1970 et équipements de proximité.",
        ["europe"] =
            "Quartier de Tours Nord organisé autour de la place de l'Europe, avec ses commerces, ses écoles et sa maison de quartier.",
        ["fontaines"] =
            "Quartier du sud de Tours proche du lac, avec un collège, une médiathèque et de nombreuses familles.",
        ["maryse-bastie"] =
            "Petit quartier d'habitat social où les habitants se mobilisent autour de la régie de quartier.",
        ["bords-de-loire"] =
            "Quartier au bord du fleuve, où vivent de nombreux seniors ; les associations y animent des ateliers de proximité.",
        ["rochepinard"] =
            "Quartier de l'est de Tours, entre zones d'activité et logements, où s'implantent des chantiers d'insertion.",
        ["tours-centre"] =
            "Hypercentre de Tours : services publics, Bureau Information Jeunesse, administrations et sièges d'associations.",
        ["joue-les-tours"] =
            "Deuxième commune de la métropole, au sud de Tours. Trois quartiers prioritaires et un réseau associatif actif.",
        ["rabiere"] =
            "Quartier prioritaire rénové, berceau de l'Agora numérique conçue avec les habitants par l'association Résoudre.",
        ["morier"] =
            "Quartier prioritaire organisé autour de son centre social, lieu de ressources pour les familles.",
        ["vallee-violette"] =
            "Quartier d'habitat collectif doté d'un espace public numérique ouvert aux habitants.",
        ["joue-les-tours-centre"] =
            "Centre-ville de Joué-lès-Tours : mairie, services municipaux et lieux culturels.",
    };

    /// <param name="Category">Slug of a <see cref="StarterSet.ToolCategories"/> value.</param>
    /// <param name="Licence">Slug of a <see cref="StarterSet.Licences"/> value.</param>
    private record ToolSeed(string Slug, string Name, string Category, string Licence, string Description,
        ToolStatus Status = ToolStatus.Listed);

    private static readonly ToolSeed[] ToolSeeds =
    [
        new("agora-project", "Agora-Project", "travail-collaboratif", "libre",
            "Espace de travail collaboratif hébergeable : agenda partagé, fichiers, forum, tâches. Support de l'espace partenaires de la Rabière."),
        new("nextcloud", "Nextcloud", "travail-collaboratif", "libre",
            "Partage et synchronisation de fichiers, agendas et contacts, sur un serveur choisi par la structure."),
        new("framapad", "Framapad (Etherpad)", "travail-collaboratif", "libre",
            "Éditeur de texte collaboratif en temps réel, sans création de compte, pour écrire à plusieurs."),
        new("framadate", "Framadate", "travail-collaboratif", "libre",
            "Sondage en ligne pour trouver une date de réunion ou faire un choix simple, sans inscription."),
        new("yeswiki", "YesWiki", "publication-et-site-web", "libre",
            "Wiki simple à prendre en main pour construire un site collectif et partager des ressources."),
        new("jitsi-meet", "Jitsi Meet", "communication-et-messagerie", "libre",
            "Visioconférence dans le navigateur, sans compte, pour des réunions à distance."),
        new("zoom", "Zoom", "communication-et-messagerie", "proprietaire",
            "Visioconférence très répandue, souvent imposée par les organismes de formation et les employeurs."),
        new("whatsapp", "WhatsApp", "communication-et-messagerie", "proprietaire",
            "Messagerie du téléphone utilisée par la plupart des habitants ; groupes de quartier et d'ateliers."),
        new("signal", "Signal", "communication-et-messagerie", "libre",
            "Messagerie chiffrée, proposée comme alternative pour les groupes de bénévoles et de professionnels."),
        new("messagerie-electronique", "Messagerie électronique", "communication-et-messagerie", "proprietaire",
            "Adresse e-mail et webmail (Gmail, Outlook, Laposte…) : indispensable pour la plupart des démarches."),
        new("facebook", "Facebook", "reseau-social", "proprietaire",
            "Réseau social où les structures annoncent leurs activités et où circulent les groupes d'entraide."),
        new("linkedin", "LinkedIn", "reseau-social", "proprietaire",
            "Réseau social professionnel : profil, candidatures et veille sur les entreprises du territoire."),
        new("france-travail", "France Travail", "recherche-d-emploi", "proprietaire",
            "Espace personnel et application de France Travail : actualisation, offres, CV, messages au conseiller."),
        new("1jeune1solution", "1jeune1solution", "recherche-d-emploi", "proprietaire",
            "Plateforme publique qui rassemble offres d'emploi, d'alternance, de formation et aides pour les jeunes."),
        new("indeed", "Indeed", "recherche-d-emploi", "proprietaire",
            "Moteur de recherche d'offres d'emploi et dépôt de CV, très utilisé par les employeurs locaux."),
        new("franceconnect", "FranceConnect", "demarches-en-ligne", "proprietaire",
            "Bouton d'identification commun aux services publics en ligne, à partir d'un compte existant."),
        new("ameli", "Ameli", "demarches-en-ligne", "proprietaire",
            "Compte de l'Assurance maladie : attestations, remboursements, carte Vitale, messagerie."),
        new("caf-en-ligne", "CAF en ligne", "demarches-en-ligne", "proprietaire",
            "Site et application de la CAF : déclarations trimestrielles, attestations, simulations d'aides."),
        new("impots-gouv", "impots.gouv.fr", "demarches-en-ligne", "proprietaire",
            "Espace particulier des impôts : déclaration de revenus, avis d'imposition, prélèvement à la source."),
        new("doctolib", "Doctolib", "demarches-en-ligne", "proprietaire",
            "Prise de rendez-vous médicaux en ligne, de plus en plus seule voie d'accès à certains praticiens."),
        new("pronote", "Pronote", "apprentissage-et-formation", "proprietaire",
            "Vie scolaire en ligne : notes, cahier de textes, absences et messages entre familles et établissement."),
        new("ent", "ENT (espace numérique de travail)", "apprentissage-et-formation", "proprietaire",
            "Portail de l'établissement scolaire : ressources, messagerie, accès à Pronote et aux manuels numériques."),
        new("parcoursup", "Parcoursup", "apprentissage-et-formation", "proprietaire",
            "Plateforme nationale de vœux d'orientation dans l'enseignement supérieur."),
        new("pix", "Pix", "apprentissage-et-formation", "libre",
            "Service public en ligne pour évaluer, développer et certifier ses compétences numériques."),
        new("wikipedia", "Wikipédia", "apprentissage-et-formation", "libre",
            "Encyclopédie libre et collaborative, support d'ateliers de recherche d'information et de contribution."),
        new("google-docs", "Google Docs", "bureautique", "proprietaire",
            "Traitement de texte en ligne de Google, souvent déjà présent sur les téléphones Android."),
        new("libreoffice", "LibreOffice", "bureautique", "libre",
            "Suite bureautique libre installée sur les postes en accès libre : CV, lettres, tableaux."),
        new("canva", "Canva", "publication-et-site-web", "proprietaire",
            "Création graphique en ligne à partir de modèles : affiches, flyers, CV visuels."),
        new("openstreetmap", "OpenStreetMap", "cartographie", "libre",
            "Carte collaborative du monde, que chacun peut compléter : commerces, équipements, accessibilité."),
        new("umap", "uMap", "cartographie", "libre",
            "Création de cartes personnalisées sur fond OpenStreetMap, à intégrer dans un site ou à partager."),
        new("decidim", "Decidim", "travail-collaboratif", "libre",
            "Plateforme libre de participation citoyenne : budgets participatifs, consultations, propositions d'habitants."),
        new("padlet", "Padlet", "travail-collaboratif", "proprietaire",
            "Mur virtuel pour rassembler idées, liens et photos d'un groupe. Proposé par un contributeur, à examiner.",
            ToolStatus.Pending),
        new("bitwarden", "Bitwarden", "autre", "libre",
            "Gestionnaire de mots de passe, proposé pour aider les personnes qui perdent leurs identifiants. À examiner.",
            ToolStatus.Pending),
    ];

    /// <param name="Kind">Slug of a <see cref="StarterSet.StructureKinds"/> value.</param>
    /// <param name="Themes">Relative weight of emploi, éducation, citoyenneté in what the structure observes.</param>
    /// <param name="Audiences">Publics the structure mostly works with.</param>
    /// <param name="Observations">How many observations the structure logs over two years.</param>
    /// <param name="Institutional">Observes meetings and networks rather than running workshops.</param>
    private record StructureSeed(
        string Slug, string Name, string Kind, string Territory, string Domain, string Description,
        (int Emploi, int Education, int Citoyennete) Themes, string[] Audiences, int Observations, bool Institutional = false);

    private const string Resoudre = "association-resoudre";
    private const string Sanitas = "centre-social-du-sanitas";
    private const string Bij = "bureau-information-jeunesse-de-tours";
    private const string Morier = "centre-social-du-morier";
    private const string VilleDeTours = "ville-de-tours-vie-des-quartiers";

    private static readonly StructureSeed[] StructureSeeds =
    [
        new(Resoudre, "Association Résoudre", "association", "rabiere", "resoudre.example",
            "Association de la Rabière qui a conçu avec les habitants l'Agora numérique du quartier. Elle anime un espace partenaires sur Agora-Project et accompagne d'autres structures qui veulent outiller leur réseau d'acteurs.",
            (3, 2, 5), ["habitants", "demandeurs-d-emploi", "benevoles-associatifs"], 56),
        new(Sanitas, "Centre social du Sanitas", "centre-social", "sanitas", "cs-sanitas.example",
            "Centre social au cœur du Sanitas : accueil des familles, accompagnement aux démarches et ateliers numériques. Il anime le groupe de travail de l'observatoire.",
            (3, 3, 4), ["habitants", "parents", "seniors", "demandeurs-d-emploi"], 36),
        new(Bij, "Bureau Information Jeunesse de Tours", "information-jeunesse", "tours-centre", "bij-tours.example",
            "Lieu d'accueil anonyme et gratuit pour les 15-30 ans : orientation, emploi, logement, mobilité. Le BIJ veut outiller son réseau de partenaires jeunesse.",
            (4, 3, 2), ["jeunes-16-25-ans"], 34),
        new(Morier, "Centre social du Morier", "centre-social", "morier", "cs-morier.example",
            "Centre social du quartier du Morier à Joué-lès-Tours. Permanences d'accès aux droits, accompagnement à la scolarité et projets d'habitants.",
            (2, 3, 4), ["habitants", "parents", "demandeurs-d-emploi"], 32),
        new("maison-de-l-emploi-de-tours", "Maison de l'emploi de Tours", "structure-de-l-emploi", "tours-centre", "mde-tours.example",
            "Point d'appui des habitants en recherche d'emploi : ateliers, accès libre aux ordinateurs et rencontres avec les employeurs. Elle coordonne les clauses d'insertion du territoire.",
            (1, 0, 0), ["demandeurs-d-emploi"], 22),
        new("mission-locale-de-touraine", "Mission locale de Touraine", "structure-de-l-emploi", "tours-centre", "ml-touraine.example",
            "Accompagne les jeunes de 16 à 25 ans vers l'emploi, la formation et l'autonomie. Les conseillers interviennent en permanence dans les quartiers.",
            (5, 1, 1), ["jeunes-16-25-ans"], 22),
        new("mediatheque-des-fontaines", "Médiathèque des Fontaines", "collectivite", "fontaines", "mediatheque-fontaines.example",
            "Médiathèque de quartier du réseau municipal. Son espace multimédia propose des ateliers et un accompagnement individuel au numérique.",
            (1, 3, 2), ["habitants", "seniors", "demandeurs-d-emploi"], 18),
        new("regie-de-quartier-europe-maryse-bastie", "Régie de quartier Europe – Maryse Bastié", "association", "maryse-bastie", "regie-europe-bastie.example",
            "Association d'insertion qui emploie des habitants pour l'entretien et le lien social dans le quartier. Les salariés en parcours suivent un module numérique.",
            (4, 1, 1), ["demandeurs-d-emploi", "habitants"], 16),
        new("college-des-fontaines", "Collège des Fontaines", "etablissement-scolaire", "fontaines", "college-fontaines.example",
            "Collège du quartier des Fontaines. L'équipe organise des temps pour aider les familles à utiliser Pronote et l'ENT.",
            (0, 1, 0), ["parents"], 12),
        new(VilleDeTours, "Ville de Tours — service Vie des quartiers", "collectivite", "tours", "tours-vie-des-quartiers.example",
            "Service municipal chargé de la démocratie de proximité : conseils de quartier, budget participatif et soutien aux associations des quartiers prioritaires.",
            (0, 0, 1), ["habitants", "benevoles-associatifs"], 10, Institutional: true),
        new("ville-de-joue-les-tours-politique-de-la-ville", "Ville de Joué-lès-Tours — Politique de la ville", "collectivite", "joue-les-tours", "joue-politique-ville.example",
            "Service municipal qui pilote le contrat de ville à Joué-lès-Tours et accompagne les projets des quartiers Rabière, Morier et Vallée Violette.",
            (1, 0, 2), ["habitants", "salaries-associatifs"], 6, Institutional: true),
        new("ddets-d-indre-et-loire", "DDETS d'Indre-et-Loire", "service-de-l-etat", "tours", "ddets37.example",
            "Direction départementale de l'emploi, du travail et des solidarités. Elle finance des actions d'inclusion numérique et suit les structures d'insertion.",
            (2, 0, 1), ["salaries-associatifs", "demandeurs-d-emploi"], 5, Institutional: true),
        new("dla-d-indre-et-loire", "DLA d'Indre-et-Loire", "autre", "tours", "dla37.example",
            "Dispositif local d'accompagnement des associations employeuses. Il a impulsé l'accompagnement collectif « Participer, coopérer, valoriser — Maîtrise de l'outil numérique ».",
            (1, 0, 1), ["salaries-associatifs", "benevoles-associatifs"], 6, Institutional: true),
        new("epn-de-la-vallee-violette", "Espace public numérique de la Vallée Violette", "autre", "vallee-violette", "epn-vallee-violette.example",
            "Espace public numérique ouvert à tous : postes en accès libre, ateliers d'initiation et aide aux démarches en ligne avec un conseiller numérique.",
            (2, 1, 3), ["habitants", "seniors", "demandeurs-d-emploi"], 20),
        new("tremplin-emploi-37", "Tremplin Emploi 37", "association", "rochepinard", "tremplin-emploi37.example",
            "Atelier et chantier d'insertion en espaces verts et second œuvre. L'accompagnement socioprofessionnel inclut la prise en main des outils de recherche d'emploi.",
            (5, 1, 1), ["demandeurs-d-emploi", "salaries-associatifs"], 14),
        new("parents-passerelle", "Parents Passerelle", "association", "sanitas", "parents-passerelle.example",
            "Association de parents du Sanitas qui organise des cafés des parents et de l'entraide autour de la scolarité.",
            (0, 4, 1), ["parents"], 12),
        new("seniors-connectes-tours", "Seniors connectés Tours", "association", "bords-de-loire", "seniors-connectes.example",
            "Association de bénévoles retraités qui animent des ateliers numériques pour les seniors et rompent l'isolement par la visioconférence.",
            (0, 1, 4), ["seniors"], 14),
        new("langues-et-partages", "Langues & Partages", "association", "europe", "langues-partages.example",
            "Association d'apprentissage du français pour adultes. Les ateliers mêlent langue, démarches du quotidien et recherche d'emploi.",
            (2, 2, 3), ["allophones"], 14),
        new("centre-social-des-rives-du-cher", "Centre social des Rives du Cher", "centre-social", "rives-du-cher", "cs-rives-du-cher.example",
            "Centre social du sud de Tours. Son secteur jeunes et son accueil familles utilisent le numérique pour garder le lien avec les habitants.",
            (2, 2, 3), ["jeunes-16-25-ans", "habitants", "parents"], 16),
    ];

    /// <param name="Memberships">Structure slug and the role held there.</param>
    private record ActorSeed(string Name, ActorCategory Category, string JobTitle, string Bio, (string Structure, string Role)[] Memberships);

    private static readonly ActorSeed[] ActorSeeds =
    [
        new("Karim Mansouri", ActorCategory.FieldProfessional, "Animateur numérique",
            "Anime l'Agora numérique de la Rabière et forme les contributeurs de l'espace partenaires.",
            [(Resoudre, "animateur numérique")]),
        new("Élodie Garnier", ActorCategory.FieldProfessional, "Directrice",
            "Dirige l'association et porte la démarche d'observation partagée auprès des partenaires.",
            [(Resoudre, "directrice")]),
        new("Bernard Lefèvre", ActorCategory.Resident, "Habitant bénévole",
            "Habitant de la Rabière, bénévole de l'Agora numérique depuis sa création.",
            [(Resoudre, "bénévole de l'Agora numérique")]),
        new("Nadia Ferreira", ActorCategory.FieldProfessional, "Coordinatrice de projets",
            "Coordonne le groupe de travail de l'observatoire et les actions numériques du centre social.",
            [(Sanitas, "coordinatrice du groupe de travail")]),
        new("Julien Roche", ActorCategory.FieldProfessional, "Référent familles",
            "Accompagne les familles du quartier, notamment sur la scolarité et les démarches.",
            [(Sanitas, "référent familles")]),
        new("Aïcha Diallo", ActorCategory.Resident, "Habitante relais",
            "Habitante du Sanitas engagée dans le conseil citoyen et l'entraide entre parents.",
            [(Sanitas, "habitante relais"), ("parents-passerelle", "bénévole")]),
        new("Manon Petit", ActorCategory.FieldProfessional, "Informatrice jeunesse",
            "Accueille les jeunes au BIJ et anime les ateliers emploi et orientation.",
            [(Bij, "informatrice jeunesse")]),
        new("Samia Bouaziz", ActorCategory.FieldProfessional, "Animatrice numérique",
            "Anime les permanences numériques et les ateliers parents du centre social.",
            [(Morier, "animatrice numérique")]),
        new("Pierre Gaudin", ActorCategory.FieldProfessional, "Directeur",
            "Dirige le centre social et souhaite outiller le réseau d'acteurs du Morier.",
            [(Morier, "directeur")]),
        new("Claire Dubois", ActorCategory.FieldProfessional, "Conseillère emploi",
            "Anime les ateliers de recherche d'emploi et l'espace en accès libre.",
            [("maison-de-l-emploi-de-tours", "conseillère emploi")]),
        new("Yanis Belkacem", ActorCategory.FieldProfessional, "Conseiller en insertion professionnelle",
            "Accompagne les jeunes suivis par la Mission locale et tient des permanences dans les quartiers.",
            [("mission-locale-de-touraine", "conseiller en insertion")]),
        new("Hélène Marchand", ActorCategory.FieldProfessional, "Médiatrice numérique",
            "Responsable de l'espace multimédia de la médiathèque.",
            [("mediatheque-des-fontaines", "médiatrice numérique")]),
        new("Mamadou Traoré", ActorCategory.FieldProfessional, "Encadrant technique d'insertion",
            "Encadre les équipes de la régie et anime le module numérique des salariés en parcours.",
            [("regie-de-quartier-europe-maryse-bastie", "encadrant technique")]),
        new("Isabelle Moreau", ActorCategory.FieldProfessional, "Professeure documentaliste",
            "Organise au collège les rencontres numériques avec les familles.",
            [("college-des-fontaines", "professeure documentaliste")]),
        new("Sophie Lemaire", ActorCategory.Institutional, "Chargée de mission démocratie participative",
            "Suit pour la Ville les conseils de quartier et le budget participatif.",
            [(VilleDeTours, "chargée de mission")]),
        new("Olivier Caron", ActorCategory.Institutional, "Chef de projet politique de la ville",
            "Suit les projets associatifs des quartiers prioritaires de Tours.",
            [(VilleDeTours, "chef de projet politique de la ville")]),
        new("Véronique Blanchard", ActorCategory.Institutional, "Cheffe de service politique de la ville",
            "Pilote le contrat de ville à Joué-lès-Tours.",
            [("ville-de-joue-les-tours-politique-de-la-ville", "cheffe de service")]),
        new("Marc Delorme", ActorCategory.Institutional, "Chargé de mission inclusion numérique",
            "Suit les actions d'inclusion numérique financées par l'État dans le département.",
            [("ddets-d-indre-et-loire", "chargé de mission inclusion numérique")]),
        new("Laure Vincent", ActorCategory.FieldProfessional, "Chargée de mission DLA",
            "Accompagne les associations employeuses et a animé l'accompagnement collectif au numérique.",
            [("dla-d-indre-et-loire", "chargée de mission")]),
        new("Lucas Bernard", ActorCategory.FieldProfessional, "Conseiller numérique",
            "Accueille les habitants à l'espace public numérique et anime les ateliers d'initiation.",
            [("epn-de-la-vallee-violette", "conseiller numérique")]),
        new("Fatou Camara", ActorCategory.FieldProfessional, "Chargée d'insertion professionnelle",
            "Accompagne les salariés en parcours d'insertion dans leur recherche d'emploi.",
            [("tremplin-emploi-37", "chargée d'insertion")]),
        new("Sandrine Fournier", ActorCategory.Resident, "Présidente bénévole",
            "Mère de famille du Sanitas, préside l'association de parents.",
            [("parents-passerelle", "présidente")]),
        new("Jacqueline Perrin", ActorCategory.Resident, "Bénévole",
            "Retraitée, anime des ateliers numériques entre seniors et accompagne des apprenants en français.",
            [("seniors-connectes-tours", "animatrice bénévole"), ("langues-et-partages", "bénévole")]),
        new("Amina Haddad", ActorCategory.FieldProfessional, "Formatrice FLE",
            "Forme des adultes au français et intègre les démarches en ligne dans ses ateliers.",
            [("langues-et-partages", "formatrice FLE")]),
        new("Antoine Leroy", ActorCategory.FieldProfessional, "Animateur jeunesse",
            "Anime le secteur jeunes du centre social et ses ateliers numériques.",
            [("centre-social-des-rives-du-cher", "animateur jeunesse")]),
    ];

    /// <summary>Which actor each demo account is, and which structures it acts for.</summary>
    private static readonly Dictionary<string, (string Actor, string[] Structures)> AccountLinks = new()
    {
        [Roles.Contributeur] = ("Karim Mansouri", [Resoudre]),
        [Roles.Coordination] = ("Nadia Ferreira", [Sanitas]),
        [Roles.Partenaire] = ("Sophie Lemaire", [VilleDeTours]),
    };
}
