using UglyToad.PdfPig;

namespace Observatoire.IntegrationTests.Syntheses;

/// <summary>
/// Each figure of a PDF leads back (#19.5): every key figure and every chart of a stored synthesis carries a short link
/// (/s/SYN-…/target) that opens the dashboard view of the same period and filters at that very figure; the cover and the
/// figures chapters carry a QR code of the same kind of address.
/// </summary>
public class BackLinkTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Query = "du=2026-01-01&au=2026-06-30&territoire=rabiere&theme=emploi";

    private Task SeedAsync() => Portal.Seed(s =>
    {
        var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
        var emploi = s.Theme("Emploi");
        var structure = s.Structure("Association Résoudre", rabiere, "Association");
        var tool = s.Tool("Pôle emploi connect", "Démarches en ligne", "Propriétaire");
        for (var i = 0; i < 7; i++)
            s.Observation($"Atelier {i}", structure, rabiere, observedOn: new DateOnly(2026, 1, 10).AddDays(10 * i), tools: [tool], themes: [emploi]);
    });

    [Fact]
    public async Task Every_key_figure_and_chart_of_a_synthesis_leads_to_the_dashboard_view_that_produced_it()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (reference, pdf) = await SynthesisTests.GenerateAsync(coordination, Query);
        // Kept beside the test binaries for a look by eye (pdftoppm -png -r 60).
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "syntheses"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "syntheses", "synthese-liens.pdf"), pdf);

        // The figures the synthesis prints, read from its HTML (the PDF's source): key figures and indicator charts.
        var preview = await coordination.GetHtml($"/syntheses/apercu?{Query}");
        var targets = preview.QuerySelectorAll("table.key-figures tbody tr").Select(tr => tr.Id!)
            .Concat(preview.QuerySelectorAll("div.indicator").Select(d => d.Id!.Replace("indicateur-", "graphique-")))
            .ToList();
        Assert.Contains("chiffre-observations", targets);
        Assert.Contains("graphique-themes", targets);
        Assert.True(targets.Count >= 10, $"{targets.Count} chiffres seulement.");

        using var document = PdfDocument.Open(pdf);
        var links = document.GetPages().SelectMany(p => p.GetHyperlinks()).Select(h => h.Uri).ToHashSet();
        var dashboard = await coordination.GetHtml($"/tableau-de-bord?{Query}");
        var visitor = Portal.CreateClient();
        foreach (var target in targets.Concat(["partie-chiffres-cles", "partie-faits-marquants", "partie-indicateurs"]))
        {
            var shortLink = $"/s/{reference}/{target}";
            Assert.Contains(links, l => l.EndsWith(shortLink, StringComparison.Ordinal));
            // Anyone holding the paper copy may follow it: to the dashboard, same period and filters, at that figure.
            using var response = await visitor.GetAsync(shortLink);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.StartsWith($"/tableau-de-bord?{Query}#", location);
            var anchor = location[(location.IndexOf('#') + 1)..];
            Assert.True(dashboard.GetElementById(anchor) is not null, $"{shortLink} mène à #{anchor}, absent du tableau de bord.");
        }
        Assert.Contains(links, l => l.EndsWith($"/s/{reference}", StringComparison.Ordinal));
        // The quartiers map leads to the map page, same period and filters.
        Assert.Contains(links, l => l.EndsWith($"/s/{reference}/carte", StringComparison.Ordinal));
        using (var map = await visitor.GetAsync($"/s/{reference}/carte"))
            Assert.Equal($"/tableau-de-bord/carte?{Query}", map.Headers.Location!.OriginalString);

        // The paper copy prints the cover's address and each chart's, under its QR code or its chart.
        var text = SynthesisTests.Spaces(await PdfTextLayer.ReadAsync(pdf)).Replace(" ", "");
        Assert.Contains($"Cettesynthèsesurletableaudebord:localhost/s/{reference}", text);
        Assert.Contains($"Enligne:localhost/s/{reference}/graphique-themes", text);
        Assert.Equal(4, preview.QuerySelectorAll("figure.chapter-qr, figure.cover-qr").Length);
        Assert.All(preview.QuerySelectorAll("figure.chapter-qr span[role=img], figure.cover-qr span[role=img]"),
            qr => Assert.StartsWith("Code QR : localhost/tableau-de-bord?", SynthesisTests.Spaces(qr.GetAttribute("aria-label")!)));
    }

    /// <summary>
    /// The QR codes of the paper copy, read from the PDF as a phone reads them: the cover's and each figures chapter's, each
    /// holding the short link of what it stands beside, which leads to that part of the dashboard.
    /// </summary>
    [Fact]
    public async Task The_qr_codes_of_a_synthesis_read_back_as_its_short_links()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (reference, pdf) = await SynthesisTests.GenerateAsync(coordination, Query);

        var codes = await PdfQrCodes.ReadAsync(pdf);

        Assert.Equal(
            ["", "/partie-chiffres-cles", "/partie-faits-marquants", "/partie-indicateurs"],
            codes.Select(c => c.Replace($"http://localhost/s/{reference}", "")).Order(StringComparer.Ordinal));
        var visitor = Portal.CreateClient();
        foreach (var code in codes)
        {
            using var response = await visitor.GetAsync(new Uri(code).PathAndQuery);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"/tableau-de-bord?{Query}", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task An_unknown_reference_or_figure_says_what_to_check()
    {
        await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var (reference, _) = await SynthesisTests.GenerateAsync(coordination, Query);
        var visitor = Portal.CreateClient();

        var unknown = await visitor.GetHtml("/s/SYN-2099-0001/graphique-themes", HttpStatusCode.NotFound);
        Assert.Contains("Vérifiez l'adresse imprimée sur le document", unknown.QuerySelector("main")!.TextContent);
        await visitor.GetHtml($"/s/{reference}/rien", HttpStatusCode.NotFound);
        using var lower = await visitor.GetAsync($"/s/{reference.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.Redirect, lower.StatusCode);
    }
}
