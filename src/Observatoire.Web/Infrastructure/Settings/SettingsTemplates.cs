using System.Text;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// What an instance says about itself before anyone has named it, and the notices it starts from: French templates
/// (LCEN mentions légales, GDPR art. 13 information, RGAA accessibility statement) whose « [à compléter : …] » parts
/// the administrator fills in at /admin/parametres. <c>{{nom}}</c>, <c>{{nom-court}}</c>, <c>{{territoire}}</c> and
/// <c>{{contact}}</c> are replaced by the current settings each time a notice is rendered.
/// </summary>
public static class SettingsTemplates
{
    /// <summary>Neutral name of an instance that has not been named yet.</summary>
    public const string DefaultName = "Observatoire";

    /// <summary>Marks what an administrator still has to write; the admin home counts the notices that hold one.</summary>
    public const string ToComplete = "[à compléter";

    /// <summary>The settings of an instance that has not been named: neutral name, template notices.</summary>
    public static ObservatorySettings Defaults() => new()
    {
        Name = DefaultName,
        ShortName = DefaultName,
        Introduction = Introduction,
        LegalNotice = LegalNotice,
        PrivacyNotice = PrivacyNotice,
        AccessibilityStatement = AccessibilityStatement,
    };

    /// <summary>
    /// The notice with its placeholders replaced, ready for <see cref="Markdown.Render"/>. Values are escaped so that
    /// a name with an asterisk or a bracket stays text.
    /// </summary>
    public static string Fill(string markdown, ObservatorySettings s) => markdown
        .Replace("{{nom}}", Escape(s.Name), StringComparison.Ordinal)
        .Replace("{{nom-court}}", Escape(s.ShortName), StringComparison.Ordinal)
        .Replace("{{territoire}}", Escape(string.IsNullOrWhiteSpace(s.Territory) ? "[à compléter : territoire]" : s.Territory), StringComparison.Ordinal)
        .Replace("{{contact}}", string.IsNullOrWhiteSpace(s.ContactEmail) ? "[à compléter : adresse de contact]" : $"<{s.ContactEmail}>", StringComparison.Ordinal);

    /// <summary>Backslash before every ASCII punctuation character: CommonMark then reads each one literally.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c < 128 && char.IsPunctuation(c) || c is '`' or '^' or '|' or '~' or '<' or '>' or '+' or '=' or '$') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The home page's « Pourquoi observer ? » until the administrator tells the observatory's own story.</summary>
    public const string Introduction =
        """
        [à compléter : ce qui a fait naître l'observatoire — une démarche, des structures qui se sont emparées d'outils numériques, une question que le réseau se pose.]

        Non pas une étude d'experts, mais une **observation partagée**, construite avec celles et ceux qui vivent ces usages : les structures notent ce qu'elles observent, les habitants répondent aux enquêtes, un groupe de travail rédige des retours d'expérience.
        """;

    public const string LegalNotice =
        """
        ## Éditeur du site

        Le portail {{nom}} ({{territoire}}) est édité par [à compléter : nom de la structure porteuse, forme juridique (association loi 1901, collectivité…), numéro SIRET ou RNA], dont le siège est situé [à compléter : adresse postale].

        Contact : {{contact}}

        ## Directeur ou directrice de la publication

        [à compléter : nom et fonction de la personne responsable de la publication, par exemple le président ou la présidente de l'association].

        ## Hébergement

        Le portail est hébergé par [à compléter : nom de l'hébergeur, adresse postale et numéro de téléphone].

        ## Contenus et propriété intellectuelle

        Les textes du wiki, les retours d'expérience et les synthèses sont écrits par les membres de l'observatoire. [à compléter : licence des contenus, par exemple « sauf mention contraire, ils sont publiés sous licence Creative Commons Attribution – Partage dans les mêmes conditions 4.0 (CC BY-SA 4.0) »].

        Les chiffres publiés masquent les groupes trop petits pour qu'aucune personne ne puisse être reconnue.

        ## Données personnelles

        La façon dont le portail traite les données personnelles est décrite dans la page [Confidentialité](/confidentialite).

        ## Accessibilité

        L'état d'accessibilité du portail est décrit dans la [déclaration d'accessibilité](/accessibilite).
        """;

    public const string PrivacyNotice =
        """
        Cette page vous informe sur les données personnelles que traite le portail {{nom}}, conformément à l'article 13 du règlement général sur la protection des données (RGPD).

        ## Responsable du traitement

        [à compléter : nom de la structure porteuse, adresse postale], représentée par [à compléter : nom et fonction]. Contact : {{contact}}

        ## Délégué ou déléguée à la protection des données

        [à compléter : nom et adresse de contact du délégué à la protection des données (DPO) s'il en a été désigné un ; à défaut, écrivez à {{contact}}].

        ## Données traitées et finalités

        - **Comptes des membres** (nom, adresse e-mail, rôle, structures, date de dernière connexion) : permettre aux membres de se connecter et de contribuer à l'observatoire.
        - **Journal de sécurité** (connexions, échecs, changements de rôle, exports, suppressions ; sans adresse IP) : protéger les comptes et retrouver l'origine d'un incident.
        - **Observations d'usages, wiki, veille** : décrire les usages numériques observés sur le territoire. Les formulaires demandent de ne jamais nommer les personnes accompagnées.
        - **Réponses aux enquêtes** : elles sont anonymes ; ni adresse IP ni identifiant ne sont enregistrés avec une réponse.
        - **Inscriptions aux événements** (nom, adresse e-mail) : confirmer l'inscription et prévenir en cas de changement ou d'annulation.
        - **Courriels envoyés par le portail** (invitations, réinitialisation de mot de passe, inscriptions) : en garder la trace pour l'administration.

        ## Bases légales

        [à compléter, par traitement : par exemple l'intérêt légitime de la structure porteuse à animer son réseau (article 6.1.f du RGPD) pour les comptes et le journal de sécurité, l'exécution d'une mission d'intérêt public (article 6.1.e) si la structure porteuse est une collectivité, votre consentement (article 6.1.a) pour les inscriptions aux événements].

        ## Destinataires

        Les données ne sont accessibles qu'aux membres habilités selon leur rôle (administration, coordination) et à l'hébergeur du portail, qui agit en sous-traitant ([à compléter : nom de l'hébergeur]). Elles ne sont ni vendues ni cédées. [à compléter : indiquez si des données sont transférées hors de l'Union européenne ; par défaut, aucune].

        Les chiffres publiés (pages publiques, données ouvertes, synthèses PDF) masquent les groupes trop petits pour qu'aucune personne ne puisse être reconnue.

        ## Durées de conservation

        - Comptes : tant que la personne participe à l'observatoire ; [à compléter : par exemple supprimés un an après la dernière connexion].
        - Journal de sécurité : [à compléter : par exemple un an].
        - Inscriptions aux événements : [à compléter : par exemple six mois après l'événement].
        - Courriels envoyés : [à compléter : par exemple un an].

        ## Cookies

        Le portail n'utilise que des cookies nécessaires à son fonctionnement (session de connexion, protection des formulaires). Il ne mesure pas l'audience et n'utilise aucun cookie publicitaire : aucun consentement n'est donc demandé.

        ## Vos droits

        Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et d'opposition au traitement de vos données, ainsi que d'un droit à la portabilité. Les membres peuvent télécharger ou supprimer leurs données depuis « Mon compte › Mes données ». Pour toute autre demande, écrivez à {{contact}}.

        ## Réclamation

        Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l'informatique et des libertés (CNIL) : <https://www.cnil.fr/fr/plaintes>, ou par courrier à CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
        """;

    /// <summary>
    /// What the administrator adds to the accessibility statement: its scope and the remedies. The status, what the tests
    /// check, what does not conform, the date and the contact are written by the page itself from what the tests verify
    /// (Pages/Notices/AccessibilityChecks.cs).
    /// </summary>
    public const string AccessibilityStatement =
        """
        ## Périmètre

        Cette déclaration d'accessibilité s'applique au portail [à compléter : adresse du site]. [à compléter, après un audit : l'audit de conformité réalisé le (date) par (personne ou organisme) révèle que (pourcentage) % des critères du RGAA sont respectés.]

        ## Voies de recours

        Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service du portail et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :

        - écrire un message au Défenseur des droits : <https://formulaire.defenseurdesdroits.fr/> ;
        - contacter le délégué ou la déléguée du Défenseur des droits dans votre région : <https://www.defenseurdesdroits.fr/saisir/delegues> ;
        - appeler le 09 69 39 00 00 ;
        - envoyer un courrier, gratuitement et sans timbre, à : Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07.
        """;
}
