using System.Globalization;
using AngleSharp.Html.Dom;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Syntheses;

/// <summary>
/// « PDF de cette vue »: the dashboard and the synthesis used to default to different periods (the last twelve months,
/// 1 January), so the same filters gave 17 usages on one and 16 in the PDF. The dashboard's link carries its exact
/// view, and both pages say their period in words.
/// </summary>
public class FromDashboardTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_pdf_of_this_view_keeps_the_dashboards_period_and_filters_and_counts_the_same()
    {
        var today = ParisTime.Today(DateTime.UtcNow);
        await Portal.Seed(s =>
        {
            var joue = s.Territory("Joué-lès-Tours");
            var rabiere = s.Quartier("Rabière", joue);
            var resoudre = s.Structure("Association Résoudre", rabiere, "Association");
            var emploi = s.Theme("Emploi");
            // Within the dashboard's last twelve months, the first two before 1 January (outside the synthesis' old default).
            var lastYear = Math.Min(today.DayOfYear + 10, 355);
            // Six: above the threshold, so that the PDF (outside the members' space) prints the count too.
            foreach (var daysAgo in new[] { lastYear, lastYear - 5, 20, 10, 8, 6 })
                s.Observation($"Atelier {daysAgo}", resoudre, rabiere, observedOn: today.AddDays(-daysAgo), themes: [emploi]);
            s.Observation("Ailleurs", s.Structure("Maison Sanitas", s.Quartier("Sanitas", s.Territory("Tours"))), observedOn: today.AddDays(-5));
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var dashboard = await coordination.GetHtml("/tableau-de-bord?territoire=rabiere&theme=emploi");
        var period = Spaces(dashboard.QuerySelector("#periode")!.Text());
        var link = dashboard.QuerySelectorAll<IHtmlAnchorElement>("a").SingleOrDefault(a => a.Text() == "PDF de cette vue");
        Assert.NotNull(link);

        var form = await coordination.GetHtml(link.GetAttribute("href")!);
        var from = form.QuerySelector<IHtmlInputElement>("#du")!.Value;
        var to = form.QuerySelector<IHtmlInputElement>("#au")!.Value;
        var words = ParisTime.Period(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        Assert.Equal(today.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            from + " " + to);
        Assert.Contains(Spaces(words), period);
        Assert.Contains(Spaces(words), Spaces(form.QuerySelector("#periode-choisie")!.Text()));
        var ticked = form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]:checked").Select(i => $"{i.Name}={i.Value}").ToList();
        Assert.Equal(["territoire=rabiere", "theme=emploi"], ticked);

        var preview = await coordination.GetHtml($"/syntheses/apercu?du={from}&au={to}&{string.Join('&', ticked)}");
        Assert.Equal("6", Spaces(dashboard.QuerySelector("#chiffre-observations .figure-value")!.Text()));
        Assert.Equal("6", Spaces(preview.QuerySelector("#chiffre-observations .figure-value")!.Text()));
        Assert.Contains(Spaces(words), Spaces(preview.Body!.Text()), StringComparison.OrdinalIgnoreCase);
    }

    private static string Spaces(string s) => SynthesisTests.Spaces(s);
}
