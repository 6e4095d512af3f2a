namespace Observatoire.Web.Pages.Notices;

/// <summary>
/// What the automated accessibility check verifies, in one place: the crawler
/// (tests/Observatoire.BrowserTests/Notices/AccessibilityCrawlerTests.cs) reads these values to decide what it visits and what
/// fails it, and the accessibility statement (/accessibilite) prints them. The statement therefore says no more than the
/// tests check; change a value here and both follow.
/// </summary>
public static class AccessibilityChecks
{
    /// <summary>
    /// The RGAA status the statement and every page's footer give: « partiellement conforme », since only automated rules are
    /// checked (no full audit of the criteria), which <see cref="KnownGaps"/> says.
    /// </summary>
    public const string Status = "partiellement conforme";

    /// <summary>The visitors the crawler signs in as: null is a visitor without an account.</summary>
    public static readonly string?[] Visitors = [null, Roles.Contributeur, Roles.Coordination, Roles.Partenaire, Roles.Administrateur];

    /// <summary>Viewport widths, in CSS pixels: a small phone and a laptop.</summary>
    public static readonly int[] Widths = [360, 1280];

    /// <summary>
    /// The width at which axe checks a page of every route template. A page's content is the same at every width: the style
    /// sheets only rearrange it, except the main menu, folded on a phone and unfolded on a laptop, and the few narrow-screen
    /// hidings listed in <see cref="HiddenOnPhones"/>. So at the other widths axe checks each visitor's home page, where the
    /// menu of that visitor's role is unfolded, and not every template again (axe costs about ten page loads).
    /// </summary>
    public const int AxeEveryTemplateAt = 360;

    /// <summary>
    /// Every selector a style sheet hides (<c>display: none</c>) below a maximum width, that is shown to axe only at the laptop
    /// width, with why checking it on the home page is enough. A test reads the style sheets and fails on a hiding not listed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HiddenOnPhones = new Dictionary<string, string>
    {
        [".brand-sub"] = "the layout's subtitle, on every page including the home page",
        [".month-table .bar"] = "a decorative progress bar, aria-hidden, beside the numbers it repeats",
    };

    /// <summary>The axe-core impacts that fail the crawler (axe's own words).</summary>
    public static readonly string[] FailingImpacts = ["serious", "critical"];

    /// <summary>The axe-core version the statement names; the crawler fails when the engine it runs is another.</summary>
    public const string AxeCoreVersion = "4.14.0";

    /// <summary>
    /// Pages visited per route template and visitor (« /observations/12 » and « /observations/13 » share one): keeps the
    /// crawl bounded as the data grows. axe runs once per template at <see cref="AxeEveryTemplateAt"/>, on the page of the
    /// first visitor of <see cref="Visitors"/> that reaches it; the other checks run on every page visited, at every width.
    /// </summary>
    public const int PagesPerRoute = 1;

    /// <summary>The day these checks were last changed, which dates the statement.</summary>
    public static readonly DateOnly EstablishedOn = new(2026, 12, 3);

    /// <summary>What the portal knows does not conform, or is not checked: said in the statement as it is.</summary>
    public static readonly string[] KnownGaps =
    [
        "Seules les règles automatiques d'axe-core sont vérifiées : aucun audit manuel complet des critères du RGAA (navigation au clavier de bout en bout, restitution par un lecteur d'écran, pertinence des textes de remplacement) n'a encore été mené.",
        "Les violations d'axe-core de gravité « modérée » ou « mineure » ne sont pas bloquantes et peuvent subsister.",
        "Les fichiers déposés par les membres (pièces jointes du wiki, imports) ne sont pas vérifiés.",
        "Les synthèses PDF ne sont vérifiées ni par axe-core ni par un lecteur d'écran.",
        $"Seules les pages atteintes par des liens depuis l'accueil sont vérifiées, au plus {PagesPerRoute} par modèle d'adresse et par visiteur ; les pages qui suivent l'envoi d'un formulaire (erreurs de saisie, étapes d'une enquête) ne le sont que par les tests de ces parcours.",
    ];
}
