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

        Assert.Equal(["rabiere"], request.Territories);
        Assert.Equal(["emploi"], request.Themes);
        Assert.Empty(request.Audiences);
        Assert.Equal(SingleValueJson, request.ToJson());
        Assert.Equal("du=2026-01-01&au=2026-06-30&territoire=rabiere&theme=emploi&enquetes=3", request.ToQuery());
    }

    [Fact]
    public void Several_values_are_stored_as_sorted_lists_and_read_back_in_any_tick_order()
    {
        var a = new SynthesisRequest
        {
            From = new(2026, 1, 1), To = new(2026, 6, 30),
            Territories = ["Sanitas", "rabiere", "sanitas"], Themes = ["emploi", "education"], Audiences = [" jeunes "],
        };
        var b = new SynthesisRequest
        {
            From = new(2026, 1, 1), To = new(2026, 6, 30),
            Territories = ["rabiere", "sanitas"], Themes = ["education", "emploi", ""], Audiences = ["jeunes"],
        };

        var json = a.ToJson();

        Assert.Equal(json, b.ToJson());
        Assert.Equal("""{"Du":"2026-01-01","Au":"2026-06-30","Territoire":null,"Theme":null,"Public":"jeunes","Enquetes":[],"Retours":[],"Titre":null,"Territoires":["rabiere","sanitas"],"Themes":["education","emploi"]}""", json);
        var back = SynthesisRequest.FromJson(json);
        Assert.Equal(["rabiere", "sanitas"], back.Territories);
        Assert.Equal(["education", "emploi"], back.Themes);
        Assert.Equal(["jeunes"], back.Audiences);
        Assert.Equal("du=2026-01-01&au=2026-06-30&territoire=rabiere&territoire=sanitas&theme=education&theme=emploi&public=jeunes", back.ToQuery());
    }

    [Fact]
    public void Parameters_as_the_jsonb_column_returns_them_are_read_under_their_stored_names()
    {
        // PostgreSQL's jsonb reorders the keys (shorter first) and adds spaces: what FromJson reads back from the table.
        const string stored =
            """{"Au": "2026-06-30", "Du": "2026-01-01", "Theme": null, "Titre": "Bilan du semestre", "Public": "jeunes", "Retours": [12, 15], "Enquetes": [3, 4], "Territoire": null, "Territoires": ["rabiere", "sanitas"]}""";

        var request = SynthesisRequest.FromJson(stored);

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), (request.From, request.To));
        Assert.Equal(["rabiere", "sanitas"], request.Territories);
        Assert.Empty(request.Themes);
        Assert.Equal(["jeunes"], request.Audiences);
        Assert.Equal([3, 4], request.Surveys);
        Assert.Equal([12, 15], request.Reports);
        Assert.Equal("Bilan du semestre", request.Title);
        // Written back in the canonical form of the first syntheses: same names, same order, same fingerprint.
        Assert.Equal(
            """{"Du":"2026-01-01","Au":"2026-06-30","Territoire":null,"Theme":null,"Public":"jeunes","Enquetes":[3,4],"Retours":[12,15],"Titre":"Bilan du semestre","Territoires":["rabiere","sanitas"]}""",
            request.ToJson());
    }

    [Fact]
    public void The_default_title_lists_up_to_three_names_of_a_kind_then_counts_them()
    {
        var filter = new DashboardFilter { From = new(2026, 1, 1), To = new(2026, 6, 30) };

        Assert.Equal("Synthèse 2026 — Rabière, Sanitas — emploi, éducation",
            SynthesisContent.DefaultTitle(filter, new(["Rabière", "Sanitas"], ["Emploi", "Éducation"], [])));
        Assert.Equal("Synthèse 2026 — 4 territoires — santé — jeunes",
            SynthesisContent.DefaultTitle(filter, new(["A", "B", "C", "D"], ["Santé"], ["Jeunes"])));
        Assert.True(SynthesisContent.DefaultTitle(filter, new([new string('x', 300)], [], [])).Length <= 200);
    }
}
