using AngleSharp.Html.Dom;

namespace Observatoire.IntegrationTests.Observations;

public class ConcurrencyTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Saving_over_a_newer_version_shows_the_conflict_and_overwrites_nothing()
    {
        var world = await ObservationWorld.Create(Portal);
        var author = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        using var created = await author.PostMainForm("/observations/nouvelle", world.Form("Atelier CV"));
        var url = created.Headers.Location!.OriginalString + "/modifier";
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        // Both open the form; the author's copy carries the version they saw.
        var authorForm = await author.GetHtml(url);
        var staleVersion = authorForm.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;
        using var first = await coordination.PostMainForm(url, world.Form("Atelier CV (titre revu par la coordination)"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var mine = world.Form("Atelier CV du contributeur", extra: [("Input.Version", staleVersion)]);
        var token = authorForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var second = await author.PostAsync(url, new FormUrlEncodedContent([.. mine, new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.ReadHtml();
        var conflict = page.QuerySelector(".conflict")!.Text();
        Assert.Contains("Atelier CV (titre revu par la coordination)", conflict);
        Assert.Contains("Atelier CV du contributeur", conflict);
        Assert.Equal("Atelier CV du contributeur", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Atelier CV (titre revu par la coordination)", await Portal.Db(db => db.Observations.Select(o => o.Title).SingleAsync()));

        // The form now carries the newer version: saving again is a deliberate replacement.
        var fresh = page.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;
        Assert.NotEqual(staleVersion, fresh);
        using var third = await author.PostAsync(url, new FormUrlEncodedContent(
            [.. world.Form("Atelier CV du contributeur", extra: [("Input.Version", fresh)]), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal("Atelier CV du contributeur", await Portal.Db(db => db.Observations.Select(o => o.Title).SingleAsync()));
        var edits = await Portal.Db(db => db.ObservationChanges.CountAsync(c => c.Kind == ObservationChangeKind.Edited));
        Assert.Equal(2, edits);
    }
}
