using Observatoire.Web.Analysis;

namespace Observatoire.IntegrationTests.Observations;

/// <summary>#17.1: a tool typed by a contributor is unverified until Coordination checks it, and says so.</summary>
public class PendingToolTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_typed_tool_does_not_raise_the_free_share_and_the_review_page_marks_it_pending()
    {
        var world = await ObservationWorld.Create(Portal);   // Nextcloud is listed under « Libre »
        var contributor = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        using var created = await contributor.PostMainForm("/observations/nouvelle",
            world.Form(intent: "soumettre", extra: [("Input.NewTools", "Canva")]));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detail = created.Headers.Location!.OriginalString.Split('?')[0];
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var review = await coordination.GetHtml(detail);

        var tags = review.QuerySelectorAll("a.tag").Select(a => a.Text()).ToList();
        Assert.Contains("Canva (en attente de vérification)", tags);
        Assert.Contains("Nextcloud", tags);

        using var validated = await coordination.PostForm(detail, new Dictionary<string, string>(), "form[action*='handler=Valider']");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var tools = await Portal.Db(async db => await Indicators.ToolTotalsAsync(db,
            await Indicators.ResolveAsync(db, new DashboardFilter { From = today.AddDays(-30), To = today }.Normalized(today))));

        // Two mentions, one of them free: Canva's licence is unknown until Coordination checks it.
        Assert.Equal(new Indicators.ToolTotals(2, 2, 1), tools);
        Assert.Contains("pas encore vérifié", Indicators.FreeShare.Description);
    }
}
