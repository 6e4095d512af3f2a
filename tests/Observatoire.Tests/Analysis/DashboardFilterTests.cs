using System.Text;
using Observatoire.Web.Analysis;

namespace Observatoire.Tests.Analysis;

public class DashboardFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Without_dates_the_period_is_the_last_twelve_months()
    {
        var f = new DashboardFilter().Normalized(Today);

        Assert.Equal(new DateOnly(2025, 11, 29), f.From);
        Assert.Equal(Today, f.To);
    }

    [Fact]
    public void Previous_period_has_the_same_number_of_days_and_ends_the_day_before()
    {
        var f = new DashboardFilter { From = new(2026, 1, 15), To = new(2026, 3, 31), Theme = "emploi" }.Normalized(Today);

        var previous = f.Previous();

        Assert.Equal(new DateOnly(2026, 1, 14), previous.To);
        Assert.Equal(f.To!.Value.DayNumber - f.From!.Value.DayNumber, previous.To!.Value.DayNumber - previous.From!.Value.DayNumber);
        Assert.Equal("emploi", previous.Theme);
    }

    [Fact]
    public void Slugs_are_trimmed_and_lower_cased_and_the_query_keeps_only_what_is_set()
    {
        var f = new DashboardFilter { From = new(2026, 1, 1), To = new(2026, 6, 30), Territory = " Rabiere ", Theme = "" }.Normalized(Today);

        Assert.Equal("du=2026-01-01&au=2026-06-30&territoire=rabiere", f.ToQuery());
        Assert.Equal("du=2026-01-01&au=2026-06-30&theme=emploi&statut=validee", f.ToQuery(("territoire", null), ("theme", "emploi"), ("statut", "validee")));
    }

    [Fact]
    public void Repeated_values_are_cleaned_kept_in_order_and_written_back_as_repeated_keys()
    {
        var f = new DashboardFilter
        {
            From = new(2026, 1, 1), To = new(2026, 6, 30), Themes = ["Emploi", " education ", "emploi", ""], Audiences = ["jeunes"],
        }.Normalized(Today);

        Assert.Equal(["emploi", "education"], f.Themes);
        Assert.Null(f.Theme);
        Assert.Equal("jeunes", f.Audience);
        Assert.True(f.HasSeveralValues);
        Assert.Equal(["emploi", "education"], f.Previous().Themes);
        Assert.Equal("du=2026-01-01&au=2026-06-30&theme=emploi&theme=education&public=jeunes", f.ToQuery());
        // A drill-down override replaces every value of its key by one.
        Assert.Equal("du=2026-01-01&au=2026-06-30&theme=emploi&public=jeunes", f.ToQuery(("theme", "emploi")));
    }

    [Theory]
    [InlineData("2026-01-15", "2026-03-31", "2026-02-01", "2026-04-01", "2026-01-15..2026-01-31")]
    [InlineData("2026-01-01", "2026-03-31", "2026-01-01", "2026-04-01", "")]
    [InlineData("2026-01-01", "2026-03-15", "2026-01-01", "2026-03-01", "2026-03-01..2026-03-15")]
    [InlineData("2026-01-10", "2026-01-20", "2026-02-01", "2026-02-01", "2026-01-10..2026-01-20")]
    [InlineData("2026-01-10", "2026-02-20", "2026-02-01", "2026-02-01", "2026-01-10..2026-02-20")]
    public void A_period_splits_into_whole_months_and_partial_edges(string from, string to, string start, string end, string edges)
    {
        var scope = new Indicators.Scope(DateOnly.Parse(from), DateOnly.Parse(to), null, null, null, null);

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), scope.WholeMonths);
        Assert.Equal(edges, string.Join(",", scope.Edges.Select(e => $"{e.From:yyyy-MM-dd}..{e.To:yyyy-MM-dd}")));
    }
}

public class CsvAndChartTests
{
    [Fact]
    public void Csv_has_a_bom_semicolons_and_neutralises_formulas()
    {
        var bytes = Csv.Write(["Libellé", "n"], [["=SUM(A1)", "3"], ["a;b", "-2"], ["dit \"oui\"", "@x"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Libellé;n\r\n'=SUM(A1);3\r\n\"a;b\";-2\r\n\"dit \"\"oui\"\"\";'@x\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Charts_use_no_inline_style_so_the_csp_allows_them_and_suppressed_bars_are_not_drawn()
    {
        var svg = Charts.HorizontalBars([
            new ChartBar(null, "Emploi <script>", 12, "12", "/observations?theme=emploi"),
            new ChartBar(null, "Éducation", null, "< 5", null),
        ]).ToString()!;

        Assert.DoesNotContain("style", svg);
        Assert.DoesNotContain("<script>", svg);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<rect "));
        Assert.Contains("&lt; 5", svg);
        Assert.Contains("href=\"/observations?theme=emploi\" tabindex=\"-1\"", svg);
        Assert.Contains("aria-hidden=\"true\"", svg);
    }
}
