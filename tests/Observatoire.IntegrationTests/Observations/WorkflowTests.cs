namespace Observatoire.IntegrationTests.Observations;

public class WorkflowTests(PortalFixture portal) : PortalTest(portal)
{
    private async Task<(ObservationWorld World, int Id, HttpClient Author)> Submitted()
    {
        var world = await ObservationWorld.Create(Portal);
        var author = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        using var response = await author.PostMainForm("/observations/nouvelle", world.Form("Atelier Pix", "soumettre"));
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        return (world, id, author);
    }

    [Fact]
    public async Task Coordination_validates_a_submitted_observation_and_it_leaves_the_queue()
    {
        var (_, id, _) = await Submitted();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/observations/{id}", new Dictionary<string, string>(),
            "main form[action*='handler=Valider']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await Portal.Db(db => db.Observations.SingleAsync());
        Assert.Equal(ObservationStatus.Validated, saved.Status);
        Assert.NotNull(saved.ValidatedAt);
        var queue = await coordination.GetHtml("/observations/a-valider");
        Assert.DoesNotContain("Atelier Pix", queue.QuerySelector("main")!.Text());
        var history = await coordination.GetHtml($"/observations/{id}/historique");
        Assert.Contains("Validation", history.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task Coordination_returns_an_observation_with_a_comment_that_the_author_sees_and_acts_on()
    {
        var (world, id, author) = await Submitted();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var returned = await coordination.PostMainForm($"/observations/{id}",
            new Dictionary<string, string> { ["ReviewComment"] = "Précisez le public accueilli, sans nommer personne." },
            "main form[action*='handler=Renvoyer']");

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var page = await author.GetHtml($"/observations/{id}");
        Assert.Contains("Précisez le public accueilli", page.QuerySelector(".review-comment")!.Text());
        Assert.Equal(ObservationStatus.Draft, await Portal.Db(db => db.Observations.Select(o => o.Status).SingleAsync()));

        // Returned means editable again by its author, then submitted anew.
        using var edited = await author.PostMainForm($"/observations/{id}/modifier", world.Form("Atelier Pix", "soumettre",
            ("Input.AudienceIds", world.Jeunes.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(ObservationStatus.Submitted, await Portal.Db(db => db.Observations.Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task Returning_without_a_comment_is_refused_with_a_message()
    {
        var (_, id, _) = await Submitted();
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostMainForm($"/observations/{id}",
            new Dictionary<string, string> { ["ReviewComment"] = " " }, "main form[action*='handler=Renvoyer']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Expliquez à l'auteur", (await response.ReadHtml()).QuerySelector("#ReviewComment-erreur")!.Text());
        Assert.Equal(ObservationStatus.Submitted, await Portal.Db(db => db.Observations.Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_contributor_cannot_validate_even_by_posting_directly()
    {
        var (_, id, author) = await Submitted();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var form = await coordination.GetHtml($"/observations/{id}");
        var version = form.QuerySelector("main form[action*='handler=Valider'] input[name=Version]")!.GetAttribute("value")!;
        var token = (await author.GetHtml("/observations/nouvelle")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await author.PostAsync($"/observations/{id}?handler=Valider", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Version"] = version, ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ObservationStatus.Submitted, await Portal.Db(db => db.Observations.Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_submitted_observation_is_locked_for_its_author_until_returned()
    {
        var (_, id, author) = await Submitted();

        using var response = await author.GetAsync($"/observations/{id}/modifier");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
