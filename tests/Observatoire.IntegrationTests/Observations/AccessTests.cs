using static Observatoire.IntegrationTests.Security.RoleMatrix;

namespace Observatoire.IntegrationTests.Observations;

/// <summary>Each role against each action on each kind of record, by id, as the server decides it.</summary>
public class AccessTests(PortalFixture portal) : PortalTest(portal)
{
    public enum Record { ValidatedOfAnotherStructure, DraftOfAnotherStructure, DraftOfOwnStructure, ValidatedOfOwnStructure }

    private const HttpStatusCode Ok = HttpStatusCode.OK, Login = HttpStatusCode.Redirect,
        Forbidden = HttpStatusCode.Forbidden, NotFound = HttpStatusCode.NotFound;

    // "Own structure" is the contributor's; for other roles it is just another structure.
    public static TheoryData<Record, string, string, HttpStatusCode> Cases() => new()
    {
        { Record.ValidatedOfAnotherStructure, "voir", Anonymous, Login },
        { Record.ValidatedOfAnotherStructure, "voir", Roles.Contributeur, Ok },
        { Record.ValidatedOfAnotherStructure, "voir", Roles.Partenaire, Ok },
        { Record.ValidatedOfAnotherStructure, "voir", Roles.Coordination, Ok },
        { Record.ValidatedOfAnotherStructure, "voir", Roles.Administrateur, Ok },
        { Record.DraftOfAnotherStructure, "voir", Anonymous, Login },
        { Record.DraftOfAnotherStructure, "voir", Roles.Contributeur, NotFound },
        { Record.DraftOfAnotherStructure, "voir", Roles.Partenaire, NotFound },
        { Record.DraftOfAnotherStructure, "voir", Roles.Coordination, Ok },
        { Record.DraftOfAnotherStructure, "voir", Roles.Administrateur, Ok },
        { Record.DraftOfOwnStructure, "voir", Roles.Contributeur, Ok },
        { Record.DraftOfOwnStructure, "historique", Roles.Contributeur, Ok },
        { Record.DraftOfAnotherStructure, "historique", Roles.Contributeur, NotFound },
        { Record.DraftOfOwnStructure, "modifier", Anonymous, Login },
        { Record.DraftOfOwnStructure, "modifier", Roles.Contributeur, Ok },
        { Record.DraftOfOwnStructure, "modifier", Roles.Partenaire, Forbidden },
        { Record.DraftOfOwnStructure, "modifier", Roles.Coordination, Ok },
        { Record.DraftOfOwnStructure, "modifier", Roles.Administrateur, Ok },
        { Record.DraftOfAnotherStructure, "modifier", Roles.Contributeur, NotFound },
        { Record.DraftOfAnotherStructure, "modifier", Roles.Coordination, Ok },
        { Record.ValidatedOfAnotherStructure, "modifier", Roles.Contributeur, Forbidden },
        { Record.ValidatedOfAnotherStructure, "modifier", Roles.Partenaire, Forbidden },
        { Record.ValidatedOfAnotherStructure, "modifier", Roles.Coordination, Ok },
        { Record.ValidatedOfOwnStructure, "modifier", Roles.Contributeur, Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_what_the_rules_say_on_each_record(Record record, string action, string visitor, HttpStatusCode expected)
    {
        var (world, ids) = await Seed();
        using var client = visitor == Anonymous ? Portal.CreateClient()
            : await Portal.SignedInAs(visitor, visitor == Roles.Contributeur ? world.Ours.Id : null);
        var url = action == "voir" ? $"/observations/{ids[record]}" : $"/observations/{ids[record]}/{action}";

        using var response = await client.GetAsync(url);

        Assert.True(expected == response.StatusCode, $"{visitor} {action} {record} : {(int)expected} attendu, {(int)response.StatusCode} reçu.");
    }

    [Fact]
    public async Task Posting_an_edit_to_another_structures_draft_by_id_changes_nothing()
    {
        var (world, ids) = await Seed();
        var contributor = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        var token = (await contributor.GetHtml("/observations/nouvelle")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await contributor.PostAsync($"/observations/{ids[Record.DraftOfAnotherStructure]}/modifier",
            new FormUrlEncodedContent([.. world.Form("Titre piraté"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await Portal.Db(db => Task.FromResult(db.Observations.Count(o => o.Title == "Titre piraté"))));
    }

    [Fact]
    public async Task The_list_shows_a_contributor_their_own_drafts_and_everyone_validated_observations_only()
    {
        var (world, _) = await Seed();
        var contributor = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var theirs = Titles(await contributor.GetHtml("/observations"));
        var partners = Titles(await partner.GetHtml("/observations"));
        var csv = await (await partner.GetAsync("/observations/export.csv")).Content.ReadAsStringAsync();

        Assert.Equal(["Brouillon chez nous", "Validée ailleurs", "Validée chez nous"], theirs.Order());
        Assert.Equal(["Validée ailleurs", "Validée chez nous"], partners.Order());
        Assert.Contains("Validée ailleurs", csv);
        Assert.DoesNotContain("Brouillon ailleurs", csv);
        Assert.DoesNotContain("Brouillon chez nous", csv);
    }

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".observation-list h2").Select(h => h.Text()).ToList();

    private async Task<(ObservationWorld, Dictionary<Record, int>)> Seed()
    {
        var world = await ObservationWorld.Create(Portal);
        var observations = await world.Seed(Portal, s => new Dictionary<Record, Observation>
        {
            [Record.ValidatedOfAnotherStructure] = s.Observation("Validée ailleurs", world.Theirs, world.Rabiere),
            [Record.DraftOfAnotherStructure] = s.Observation("Brouillon ailleurs", world.Theirs, world.Rabiere, ObservationStatus.Draft),
            [Record.DraftOfOwnStructure] = s.Observation("Brouillon chez nous", world.Ours, world.Sanitas, ObservationStatus.Draft),
            [Record.ValidatedOfOwnStructure] = s.Observation("Validée chez nous", world.Ours, world.Sanitas),
        });
        return (world, observations.ToDictionary(o => o.Key, o => o.Value.Id));
    }
}
