using Observatoire.IntegrationTests.Wiki;
using Observatoire.Web.Pages.Search;

namespace Observatoire.IntegrationTests.Search;

/// <summary>Which hits come first, now that only a bounded set of recent candidates per source is ranked.</summary>
public class RankingTests(PortalFixture portal) : PortalTest(portal)
{
    private static List<string> Links(IDocument page) =>
        page.QuerySelectorAll(".search-results li > a").Select(a => a.GetAttribute("href")!).ToList();

    [Theory]
    [InlineData("%22caf%C3%A9+num%C3%A9rique%22")] // "café numérique", as a phrase
    [InlineData("cafe+numerique")]
    [InlineData("Caf%C3%A9+Num%C3%A9rique")]
    public async Task A_page_titled_like_the_query_ranks_first_with_or_without_accents(string query)
    {
        await Portal.Page("Café numérique", "Rencontre mensuelle autour des outils.");
        await Portal.Page("Compte rendu des rencontres", string.Concat(Enumerable.Repeat("Au café numérique, on parle de démarches. ", 12)));
        await Portal.Page("Café numérique du Sanitas", "Le café numérique du quartier, le mardi.");

        var page = await Portal.CreateClient().GetHtml("/recherche?q=" + query);

        Assert.Equal(["/wiki/cafe-numerique", "/wiki/cafe-numerique-du-sanitas", "/wiki/compte-rendu-des-rencontres"], Links(page));
    }

    [Fact]
    public async Task An_old_observation_titled_like_the_query_is_found_among_more_recent_matches_than_are_ranked()
    {
        await Portal.Seed(s =>
        {
            var structure = s.Structure();
            s.Observation("Permanence jeunes", structure, description: "Accueil sans rendez-vous.");
            for (var i = 1; i <= IndexModel.CandidatesPerSource + 20; i++)
                s.Observation($"Séance {i}", structure, description: "Permanence d'accueil des jeunes du quartier : permanence jeunes.");
        });
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var page = await partner.GetHtml("/recherche?q=permanence+jeunes");

        var first = page.QuerySelector(".search-results li")!;
        Assert.Equal("Permanence jeunes", first.QuerySelector("a")!.Text());
        Assert.Equal(IndexModel.MaxHits, page.QuerySelectorAll(".search-results li").Length);
        Assert.StartsWith("Les 50 premiers résultats", page.QuerySelector("main h2")!.Text());
        // Excerpts are still computed for the hits shown.
        Assert.Contains("permanence", page.QuerySelectorAll(".search-results li")[1].QuerySelectorAll("mark").Select(m => m.Text().ToLowerInvariant()));
    }

    [Fact]
    public async Task The_most_recent_wiki_pages_are_ranked_whether_a_word_is_on_few_pages_or_on_more_than_the_index_gathers()
    {
        // More pages hold « atelier » than wiki_search_matches gathers (the search then walks from the most recent); four
        // hold « rarissime » (it then takes them all through the index and keeps the most recent). In both cases the
        // candidates are the most recent matches: with equal ranks, hits are listed by title, and « Ancienne » would come
        // before « Récente » had an older page been taken.
        var pages = IndexModel.DenseMatches + 10;
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "WikiPages" ("Title", "Slug", "Type", "Visibility", "IsProtected", "Categories", "CurrentRevisionNumber",
                                     "PlainText", "CreatedAt", "UpdatedAt")
            SELECT CASE WHEN n > {0} - {1} THEN 'Récente ' ELSE 'Ancienne ' END || n, 'dense-' || n, 'Page', 'Public', false, '{{}}', 1,
                   'Compte rendu de l''atelier du mardi' || CASE WHEN n % 500 = 0 THEN ', rarissime' ELSE '' END,
                   now() - make_interval(days => {0} - n), now() - make_interval(days => {0} - n)
            FROM generate_series(1, {0}) n
            """, pages, IndexModel.CandidatesPerSource));

        await AssertTheMostRecentAreRanked(Portal.CreateClient());
    }

    /// <summary>
    /// « atelier mardi » is on every one of DenseMatches + 10 records, « rarissime » on numbers 500, 1000, 1500 and 2000;
    /// the last CandidatesPerSource are titled « Récente n », the others « Ancienne n ».
    /// </summary>
    private static async Task AssertTheMostRecentAreRanked(HttpClient client)
    {
        var common = await client.GetHtml("/recherche?q=atelier+mardi");
        var rare = await client.GetHtml("/recherche?q=rarissime");

        var commonTitles = common.QuerySelectorAll(".search-results li > a").Select(a => a.Text()).ToList();
        Assert.Equal(IndexModel.MaxHits, commonTitles.Count);
        Assert.All(commonTitles, t => Assert.StartsWith("Récente ", t));
        // 2010 - 200 < 2000: number 2000 is among the recent ones.
        Assert.Equal(["Ancienne 1000", "Ancienne 1500", "Ancienne 500", "Récente 2000"],
            rare.QuerySelectorAll(".search-results li > a").Select(a => a.Text()).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task The_most_recent_observations_are_ranked_whether_a_word_is_on_few_or_on_more_than_the_index_gathers()
    {
        // As for the wiki above, with observations: recorded in order, the last CandidatesPerSource are the « Récente ».
        var count = IndexModel.DenseMatches + 10;
        await Portal.Seed(s =>
        {
            var structure = s.Structure();
            for (var n = 1; n <= count; n++)
                s.Observation($"{(n > count - IndexModel.CandidatesPerSource ? "Récente" : "Ancienne")} {n}", structure,
                    description: "Compte rendu de l'atelier du mardi" + (n % 500 == 0 ? ", rarissime" : ""));
        });

        await AssertTheMostRecentAreRanked(await Portal.SignedInAs(Roles.Partenaire));
    }

    [Fact]
    public async Task A_members_only_page_whose_title_matches_stays_hidden_from_anonymous_visitors()
    {
        await Portal.Page("Comité de pilotage", "Ordre du jour interne.", visibility: WikiVisibility.Members);
        await Portal.Page("Calendrier", "Le comité de pilotage se réunit en juin.");
        await Portal.Seed(s => s.Observation("Comité de pilotage des ateliers", status: ObservationStatus.Draft));

        var anonymous = await Portal.CreateClient().GetHtml("/recherche?q=comite+de+pilotage");
        var partner = await (await Portal.SignedInAs(Roles.Partenaire)).GetHtml("/recherche?q=comite+de+pilotage");

        Assert.Equal(["/wiki/calendrier"], Links(anonymous));
        // A partner reads members-only pages but not someone else's draft observation.
        Assert.Equal(["/wiki/comite-de-pilotage", "/wiki/calendrier"], Links(partner));
    }
}
