using Observatoire.Web.Analysis;
using Observatoire.Web.Pages.Syntheses;

namespace Observatoire.Tests.Syntheses;

public class SynthesisRequestTests
{
    /// <summary>Parameters as the first syntheses stored them (one territory, theme and audience at most).</summary>
    private const string SingleValueJson =
        """{"Du":"2026-01-01","Au":"2026-06-30","Territoire":"rabiere","Theme":"emploi","Public":null,"Enquetes":[3],"Retours":[],"Titre":null}""";

    [Fact]
    public void Parameters_stored_with_single_values_are_written_back_byte_for_byte_so_their_fingerprint_holds()
    {
        var request = SynthesisRequest.FromJson(SingleValueJson);

        Assert.Equal(["rabiere"], request.Territoires);
        Assert.Equal(["emploi"], request.Themes);
        Assert.Empty(request.Publics);
        Assert.Equal(SingleValueJson, request.ToJson());
        Assert.Equal("du=2026-01-01&au=2026-06-30&territoire=rabiere&theme=emploi&enquetes=3", request.ToQuery());
    }

    [Fact]
    public void Several_values_are_stored_as_sorted_lists_and_read_back_in_any_tick_order()
    {
        var a = new SynthesisRequest
        {
            Du = new(2026, 1, 1), Au = new(2026, 6, 30),
            Territoires = ["Sanitas", "rabiere", "sanitas"], Themes = ["emploi", "education"], Publics = [" jeunes "],
        };
        var b = new SynthesisRequest
        {
            Du = new(2026, 1, 1), Au = new(2026, 6, 30),
            Territoires = ["rabiere", "sanitas"], Themes = ["education", "emploi", ""], Publics = ["jeunes"],
        };

        var json = a.ToJson();

        Assert.Equal(json, b.ToJson());
        Assert.Equal("""{"Du":"2026-01-01","Au":"2026-06-30","Territoire":null,"Theme":null,"Public":"jeunes","Enquetes":[],"Retours":[],"Titre":null,"Territoires":["rabiere","sanitas"],"Themes":["education","emploi"]}""", json);
        var back = SynthesisRequest.FromJson(json);
        Assert.Equal(["rabiere", "sanitas"], back.Territoires);
        Assert.Equal(["education", "emploi"], back.Themes);
        Assert.Equal(["jeunes"], back.Publics);
        Assert.Equal("du=2026-01-01&au=2026-06-30&territoire=rabiere&territoire=sanitas&theme=education&theme=emploi&public=jeunes", back.ToQuery());
    }

    [Fact]
    public void The_default_title_lists_up_to_three_names_of_a_kind_then_counts_them()
    {
        var filter = new DashboardFilter { Du = new(2026, 1, 1), Au = new(2026, 6, 30) };

        Assert.Equal("Synthèse 2026 — Rabière, Sanitas — emploi, éducation",
            SynthesisContent.DefaultTitle(filter, new(["Rabière", "Sanitas"], ["Emploi", "Éducation"], [])));
        Assert.Equal("Synthèse 2026 — 4 territoires — santé — jeunes",
            SynthesisContent.DefaultTitle(filter, new(["A", "B", "C", "D"], ["Santé"], ["Jeunes"])));
        Assert.True(SynthesisContent.DefaultTitle(filter, new([new string('x', 300)], [], [])).Length <= 200);
    }
}
