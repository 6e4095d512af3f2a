using Observatoire.IntegrationTests.Dashboard;
using Observatoire.Web.Analysis;
using static Observatoire.IntegrationTests.Syntheses.SynthesisTests;

namespace Observatoire.IntegrationTests.Syntheses;

/// <summary>Syntheses over several territories, themes and audiences (data: <see cref="MultiScopeData"/>).</summary>
public class MultiScopeSynthesisTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Scope =
        $"{MultiScopeData.Period}&territoire=sanitas&territoire=rabiere&theme=emploi&theme=education&public=jeunes&public=seniors";

    [Fact]
    public async Task The_pdf_over_several_territories_themes_and_audiences_shows_the_figures_of_the_indicators()
    {
        await MultiScopeData.SeedAsync(Portal);
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var (reference, pdf) = await GenerateAsync(partner, Scope);

        var (text, _) = Read(pdf);
        var filter = new DashboardFilter
        {
            From = MultiScopeData.From, To = MultiScopeData.To,
            Territories = ["sanitas", "rabiere"], Themes = ["emploi", "education"], Audiences = ["jeunes", "seniors"],
        }.Normalized(MultiScopeData.To);
        var (totals, themes, audiences, tools) = await Portal.Db(async db =>
        {
            var scope = await Indicators.ResolveAsync(db, filter);
            return (await Indicators.TotalsAsync(db, scope), await Indicators.ByThemeAsync(db, scope),
                await Indicators.ByAudienceAsync(db, scope), await Indicators.ToolTotalsAsync(db, scope));
        });
        Assert.Equal(3, totals.Observations);   // the hand count: #1 (two chosen themes and audiences) counted once
        // As published outside the members' space: « < 5 » under the threshold (PublicationRule).
        var published = new Suppression(5);
        Assert.All([$"Usages observés {published.Format(totals.Observations)}", $"Participants touchés {published.Format((int)totals.Participants)}",
            $"Structures actives {published.Format(totals.Structures)}", $"Outils observés {tools.Tools}"], part => Assert.Contains(part, text));
        foreach (var g in themes.Concat(audiences)) Assert.Contains($"{g.Label} {published.Format(g.Count)}", text);
        Assert.Equal(["Emploi", "Éducation"], themes.Select(t => t.Label));
        Assert.All(["Synthèse 2026 — Rabière (Joué-lès-Tours), Sanitas (Tours) — emploi, éducation — jeunes, seniors",
            "Territoires Rabière (Joué-lès-Tours), Sanitas (Tours)",
            "Thèmes Emploi, Éducation", "Publics Jeunes, Seniors"], part => Assert.Contains(part, text));
        // Neither the theme nor the audience left out, nor the structure of a territory left out, appear.
        Assert.All(["Santé", "Familles", "Entraide"], absent => Assert.DoesNotContain(absent, text));

        // The public dashboard takes the same repeated filters and shows the same figures (the PDF leaves the members' space).
        var publicBoard = await Portal.CreateClient().GetHtml($"/tableau-de-bord?{Scope}");
        foreach (var id in new[] { "observations", "participants", "structures" })
            Assert.Contains($"{Spaces(publicBoard.QuerySelector($"#chiffre-{id} .figure-label")!.TextContent)} "
                + Spaces(publicBoard.QuerySelector($"#chiffre-{id} .figure-value")!.TextContent), text);
        var dashboard = await partner.GetHtml($"/tableau-de-bord?{Scope}");
        // Its form shows the several values chosen; drill-down links, which take one value each, are left out.
        Assert.Equal(["education", "emploi"], dashboard.QuerySelectorAll("select#theme[multiple] option[selected]").Select(o => o.GetAttribute("value")!).Order());
        Assert.Empty(dashboard.QuerySelectorAll("#graphique-themes a[href^='/observations']"));
        var single = await partner.GetHtml($"/tableau-de-bord?{MultiScopeData.Period}&theme=emploi");
        Assert.Null(single.QuerySelector("select#theme[multiple]"));
        Assert.NotEmpty(single.QuerySelectorAll("#graphique-themes a[href^='/observations']"));
        var stored = await Portal.Db(db => db.Syntheses.SingleAsync(s => s.Reference == reference));
        Assert.Contains(stored.Fingerprint, text.Replace(" ", ""));
        Assert.Contains("\"Themes\": [\"education\", \"emploi\"]", stored.Parameters);
    }

    [Fact]
    public async Task The_fingerprint_changes_when_a_validated_observation_in_one_of_the_chosen_themes_is_added()
    {
        await MultiScopeData.SeedAsync(Portal);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (first, _) = await GenerateAsync(partner, Scope);
        var (again, _) = await GenerateAsync(partner, Scope);

        // Santé is not chosen: the synthesis did not use this observation.
        await AddValidatedAsync("sante", "sanitas", "jeunes");
        Assert.Contains("Données inchangées", (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{first}']")!.TextContent);
        // Éducation is the second chosen theme, Rabière the second territory, Seniors the second audience.
        await AddValidatedAsync("education", "rabiere", "seniors");
        var (later, laterPdf) = await GenerateAsync(partner, Scope);

        var stored = await Portal.Db(db => db.Syntheses.OrderBy(s => s.Number).Select(s => new { s.Reference, s.Fingerprint }).ToListAsync());
        Assert.Equal([first, again, later], stored.Select(s => s.Reference));
        Assert.Equal(stored[0].Fingerprint, stored[1].Fingerprint);
        Assert.NotEqual(stored[0].Fingerprint, stored[2].Fingerprint);
        Assert.Contains("Données modifiées depuis", (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{first}']")!.TextContent);
        Assert.Contains("Données inchangées", (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{later}']")!.TextContent);
        Assert.Contains("Usages observés < 5", Read(laterPdf).Text);
    }

    [Fact]
    public async Task A_synthesis_stored_with_single_values_still_lists_downloads_and_compares()
    {
        await MultiScopeData.SeedAsync(Portal);
        var partner = await Portal.SignedInAs(Roles.Partenaire);
        var (reference, pdf) = await GenerateAsync(partner, $"{MultiScopeData.Period}&territoire=rabiere&theme=education");
        // As the first syntheses wrote it, before lists existed.
        await Portal.Db(async db =>
        {
            var synthesis = await db.Syntheses.SingleAsync(s => s.Reference == reference);
            Assert.DoesNotContain("Themes", synthesis.Parameters);
            synthesis.Parameters = """{"Du":"2026-01-15","Au":"2026-03-31","Territoire":"rabiere","Theme":"education","Public":null,"Enquetes":[],"Retours":[],"Titre":null}""";
            await db.SaveChangesAsync();
        });

        var row = (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{reference}']")!;
        Assert.Contains("Données inchangées", row.TextContent);
        Assert.Contains("territoire=rabiere&theme=education", row.QuerySelector("a[href^='/syntheses/apercu']")!.GetAttribute("href"));
        using var download = await partner.GetAsync($"/syntheses/{reference}.pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        await AddValidatedAsync("education", "rabiere", "familles");
        Assert.Contains("Données modifiées depuis", (await partner.GetHtml("/syntheses")).QuerySelector($"tr[id='{reference}']")!.TextContent);
    }

    [Fact]
    public async Task The_form_offers_checkboxes_in_fieldsets_and_keeps_the_ticked_ones()
    {
        await MultiScopeData.SeedAsync(Portal);
        var partner = await Portal.SignedInAs(Roles.Partenaire);

        var form = await partner.GetHtml($"/syntheses?{Scope}");

        var legends = form.QuerySelectorAll("form[action='/syntheses/apercu'] fieldset > legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Territoires", legends);
        Assert.Contains("Thèmes", legends);
        Assert.Contains("Publics", legends);
        Assert.Contains("Joué-lès-Tours", legends);   // territories grouped by commune
        string[] Checked(string name) => [.. form.QuerySelectorAll($"input[type=checkbox][name={name}][checked]").Select(i => i.GetAttribute("value")!).Order()];
        Assert.Equal(["rabiere", "sanitas"], Checked("territoire"));
        Assert.Equal(["education", "emploi"], Checked("theme"));
        Assert.Equal(["jeunes", "seniors"], Checked("public"));
        Assert.Equal(3, form.QuerySelectorAll("input[type=checkbox][name=theme]").Length);
        // The preview carries every choice to the generation form.
        var preview = await partner.GetHtml($"/syntheses/apercu?{Scope}");
        Assert.Equal(["education", "emploi"], preview.QuerySelectorAll("form[method=post] input[name=theme]").Select(i => i.GetAttribute("value")!).Order());
    }

    private Task AddValidatedAsync(string theme, string territory, string audience) => Portal.Db(async db =>
    {
        var place = await db.Territories.SingleAsync(t => t.Slug == territory);
        var structure = await db.Structures.FirstAsync(s => s.TerritoryId == place.Id);
        var now = DateTime.UtcNow;
        db.Observations.Add(new Observation
        {
            Title = "Séance de plus", StructureId = structure.Id, TerritoryId = place.Id, ObservedOn = new(2026, 2, 25),
            Status = ObservationStatus.Validated, ParticipantsCount = 2, AppropriationLevel = AppropriationLevel.Discovery,
            Description = "Une heure.", CreatedAt = now, UpdatedAt = now, ValidatedAt = now,
            Themes = [await db.Themes.SingleAsync(t => t.Slug == theme)],
            Audiences = [await db.Audiences.SingleAsync(a => a.Slug == audience)],
        });
        await db.SaveChangesAsync();
    });
}
