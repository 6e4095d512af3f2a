using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Observatoire.Web.Domain;
using Observatoire.Web.Pages.Observations;

namespace Observatoire.Tests.Observations;

public class ObservationFilterTests
{
    private static ObservationFilter Parse(string query) =>
        ObservationFilter.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .ToDictionary(p => p.Key, p => (StringValues)p.Value)));

    [Fact]
    public void A_shared_link_reads_back_into_the_same_filter()
    {
        var filter = Parse("?theme=emploi&territoire=rabiere&statut=validee&du=2026-01-01&q=cv%20en%20ligne&tri=participants&page=3");

        Assert.Equal("emploi", filter.Theme);
        Assert.Equal("rabiere", filter.Territory);
        Assert.Equal(ObservationStatus.Validated, filter.Status);
        Assert.Equal(new DateOnly(2026, 1, 1), filter.From);
        Assert.Equal("cv en ligne", filter.Text);
        Assert.Equal(ObservationSort.Participants, filter.Sort);
        Assert.Equal(3, filter.Page);
        Assert.Equal(filter, Parse(new Uri("http://x" + filter.Url()).Query));
    }

    [Fact]
    public void Values_that_do_not_parse_are_ignored_rather_than_failing()
    {
        var filter = Parse("?du=hier&statut=inconnu&tri=n-importe&page=-4&outil=");

        Assert.True(filter.IsEmpty);
        Assert.Equal(1, filter.Page);
        Assert.Equal(ObservationSort.Recent, filter.Sort);
    }

    [Fact]
    public void A_link_built_for_the_dashboard_leaves_defaults_out()
    {
        var url = new ObservationFilter { Theme = "emploi", Territory = "rabiere", Status = ObservationStatus.Validated }.Url();

        Assert.Equal("/observations?territoire=rabiere&theme=emploi&statut=validee", url);
    }
}
