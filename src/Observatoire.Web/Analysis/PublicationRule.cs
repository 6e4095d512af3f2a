namespace Observatoire.Web.Analysis;

/// <summary>
/// The one rule for what leaves the members' space — public pages, the public's chart exports, the PDF syntheses (which
/// institutions pass on): every count of observations, participants, structures or respondents under the threshold is
/// shown « &lt; N », with no percentage and no change; free survey answers appear only once Coordination has reviewed
/// them. Members see exact observation counts on screen (they wrote them); survey counts are suppressed for everyone.
/// Its wording is said once, here, and shown on /methodologie, under the dashboard and in every PDF's methodology.
/// </summary>
public static class PublicationRule
{
    public static string Counts(int threshold) =>
        $"Hors de l'espace des membres — pages publiques, exports ouverts et synthèses PDF —, tout effectif de moins de {threshold} " +
        $"(observations, participants, structures, répondants) est affiché « < {threshold} », sans pourcentage ni évolution, pour " +
        "que personne ne puisse être reconnu. Dans l'espace des membres, à l'écran, les effectifs d'observations sont exacts ; " +
        "ceux des enquêtes restent masqués sous le seuil pour tous.";

    /// <summary>The participation mirror's rule for groups of people (/tableau-de-bord/participation).</summary>
    public static string Contributors(int threshold) =>
        $"Sur la page « Qui participe », hors de l'espace des membres, un groupe de moins de {threshold} contributeurs ne publie " +
        "aucun de ses chiffres (« — ») : le détail d'un groupe d'une ou deux personnes montrerait ce que chacune a fait.";

    public const string FreeTexts =
        "Les réponses libres aux enquêtes ne sont montrées aux partenaires, et reprises dans un export ou une synthèse, " +
        "qu'après relecture par la coordination : publiées telles quelles, publiées en partie masquées (un nom, une adresse, " +
        "un détail de santé remplacés par « [masqué] »), ou gardées en interne.";
}
