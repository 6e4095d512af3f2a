using System.Text;
using System.Text.RegularExpressions;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// « Déclaré et observé » (#19): each tool's share of survey respondents who say they use it beside its share of the
/// validated observations, counted by hand below; the publication rule on both sides; quartier by quartier; the CSV.
/// </summary>
public class DeclaredObservedTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Period = "du=2026-01-01&au=2026-06-30";

    private sealed record World(int SurveyId);

    /// <summary>
    /// Survey answers of February 2026 to « Lesquels utilisez-vous ? » (tools) and « Votre quartier ? »:
    /// 6 at Sanitas tick WhatsApp (2 of them Pix too); 4 at Fontaines tick Nextcloud (1 of them WhatsApp too); 2 who name
    /// no quartier tick WhatsApp (1 of them Nextcloud too): 12 respondents, WhatsApp 9 (75 %), Nextcloud 5 (41,7 %),
    /// Pix 2 (under 5, hidden). Not counted: one Sanitas resident who skipped the tools question, one answer of 2025.
    /// Validated observations of February: 8 at Sanitas citing Nextcloud (2 of them Pix too), 2 at Fontaines citing
    /// WhatsApp: 10, Nextcloud 80 %, WhatsApp 20 %, Pix 20 %. Not counted: a draft citing WhatsApp.
    /// </summary>
    private Task<World> SeedAsync() => Portal.Db(async db =>
    {
        var s = new SeedBuilder(db);
        var tours = s.Territory("Tours");
        var sanitas = s.Quartier("Sanitas", tours);
        var fontaines = s.Quartier("Fontaines", tours);
        var (whatsapp, nextcloud, pix) = (s.Tool("WhatsApp", licence: "Propriétaire"), s.Tool("Nextcloud"), s.Tool("Pix"));
        var structure = s.Structure("Centre social Pluriel", sanitas);
        var day = new DateOnly(2026, 2, 10);
        for (var i = 0; i < 8; i++) s.Observation($"Atelier Nextcloud {i}", structure, sanitas, observedOn: day, tools: i < 2 ? [nextcloud, pix] : [nextcloud]);
        for (var i = 0; i < 2; i++) s.Observation($"Atelier WhatsApp {i}", structure, fontaines, observedOn: day, tools: [whatsapp]);
        s.Observation("Brouillon", structure, fontaines, ObservationStatus.Draft, day, tools: [whatsapp]);

        var now = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc);
        var survey = new Survey { Title = "Équipement", Slug = "equipement", Status = SurveyStatus.Closed, CreatedAt = now, UpdatedAt = now };
        var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
        survey.Sections.Add(section);
        var used = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Tools, Text = "Lesquels utilisez-vous ?" };
        var where = new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.Territory, Text = "Votre quartier ?" };
        survey.Questions.AddRange([used, where]);
        db.Surveys.Add(survey);
        void Respond(Territory? place, DigitalTool[] tools, DateTime? at = null)
        {
            var response = new Response { Survey = survey, CreatedAt = at ?? now, IdempotencyKey = Guid.NewGuid() };
            foreach (var t in tools) response.Answers.Add(new Answer { Question = used, Tool = t });
            if (place is not null) response.Answers.Add(new Answer { Question = where, Territory = place });
            db.Responses.Add(response);
        }
        for (var i = 0; i < 6; i++) Respond(sanitas, i < 2 ? [whatsapp, pix] : [whatsapp]);
        for (var i = 0; i < 4; i++) Respond(fontaines, i < 1 ? [nextcloud, whatsapp] : [nextcloud]);
        Respond(null, [whatsapp]);
        Respond(null, [whatsapp, nextcloud]);
        Respond(sanitas, []);
        Respond(sanitas, [whatsapp], new DateTime(2025, 6, 1, 10, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();
        return new World(survey.Id);
    });

    private static string Plain(string? text) => Regex.Replace(text ?? "", @"[\s\u00A0\u202F]+", " ").Trim();

    /// <summary>The first table's rows (or the one under <paramref name="heading"/>): tool with its gap, declared, observed; a line break reads as a space.</summary>
    private static List<string> Rows(IDocument page, string? heading = null)
    {
        var table = heading is null ? page.QuerySelector("table.declared-observed")!
            : page.GetElementById(heading)!.NextElementSibling!.NextElementSibling!.QuerySelector("table.declared-observed")!;
        return table.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => Plain(string.Join(" ", c.ChildNodes.Select(n => n.TextContent)))))).ToList();
    }

    [Fact]
    public async Task A_member_reads_each_tool_declared_beside_observed_with_the_gaps_that_stand_out()
    {
        await SeedAsync();
        var member = await Portal.SignedInAs(Roles.Contributeur);
        var page = await member.GetHtml($"/tableau-de-bord/declare-observe?{Period}");

        Assert.Contains("12 répondant(s) à une question « Outils numériques », 10 observation(s) validée(s)", Plain(page.QuerySelector("main")!.TextContent));
        // Largest positive gap first; a tool with a hidden side has no gap and comes last.
        Assert.Equal(
        [
            "WhatsApp écart +55 pts · Déclaré, peu observé | 75 % 9 rép. | 20 % 2 obs.",
            "Nextcloud écart −38,3 pts · Observé, peu déclaré | 41,7 % 5 rép. | 80 % 8 obs.",
            "Pix | — < 5 rép. | 20 % 2 obs.",
        ], Rows(page));
        var flags = page.QuerySelectorAll("ul.flags li").Select(li => Plain(li.TextContent)).ToList();
        Assert.Equal(2, flags.Count);
        Assert.StartsWith("WhatsApp — Déclaré, peu observé : 75 % des répondants le déclarent, 20 % des observations le citent (+55 pts)", flags[0]);

        // Sanitas has 6 respondents (listed), Fontaines 4 (under the threshold: not listed). At Sanitas nobody was seen
        // using WhatsApp in a workshop; 8 observations there.
        Assert.NotNull(page.GetElementById("quartier-sanitas"));
        Assert.Null(page.GetElementById("quartier-fontaines"));
        Assert.Equal(
        [
            "WhatsApp écart +100 pts · Déclaré, peu observé | 100 % 6 rép. | 0 % 0 obs.",
            "Nextcloud écart −100 pts · Observé, peu déclaré | 0 % 0 rép. | 100 % 8 obs.",
            "Pix | — < 5 rép. | 25 % 2 obs.",
        ], Rows(page, "quartier-sanitas"));

        // The survey pages say which questions feed it.
        Assert.Contains("« Lesquels utilisez-vous ? » (outils déclarés)", Plain(page.GetElementById("sources")!.ParentElement!.TextContent));
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var results = await coordination.GetHtml($"/enquetes/gestion/{(await SurveyIdAsync())}/resultats");
        Assert.Equal(2, results.QuerySelectorAll("a[href='/tableau-de-bord/declare-observe']").Length);
    }

    private Task<int> SurveyIdAsync() => Portal.Db(db => db.Surveys.Where(s => s.Slug == "equipement").Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task A_visitor_reads_it_under_the_publication_rule_and_a_territory_filter_keeps_its_own_respondents()
    {
        await SeedAsync();
        var page = await Portal.CreateClient().GetHtml($"/tableau-de-bord/declare-observe?{Period}");
        // Two observations of WhatsApp are under the threshold outside the members' space: no share, no gap, no flag.
        Assert.Equal(
        [
            "Nextcloud écart −38,3 pts · Observé, peu déclaré | 41,7 % 5 rép. | 80 % 8 obs.",
            "Pix | — < 5 rép. | — < 5 obs.",
            "WhatsApp | 75 % 9 rép. | — < 5 obs.",
        ], Rows(page));

        // Sanitas only: its 6 respondents (not the two without a quartier), its 8 observations.
        var sanitas = await Portal.SignedInAs(Roles.Contributeur);
        var filtered = await sanitas.GetHtml($"/tableau-de-bord/declare-observe?{Period}&territoire=sanitas");
        Assert.Contains("6 répondant(s) à une question « Outils numériques », 8 observation(s) validée(s)", Plain(filtered.QuerySelector("main")!.TextContent));
        Assert.Equal("WhatsApp écart +100 pts · Déclaré, peu observé | 100 % 6 rép. | 0 % 0 obs.", Rows(filtered)[0]);
    }

    [Fact]
    public async Task A_synthesis_of_the_survey_prints_the_public_page_and_leads_back_to_it()
    {
        var w = await SeedAsync();
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var query = $"{Period}&enquetes={w.SurveyId}";
        var (reference, _) = await Syntheses.SynthesisTests.GenerateAsync(coordination, query);

        // The PDF leaves the members' space: the figures of the public page (WhatsApp's 2 observations hidden).
        var preview = await coordination.GetHtml($"/syntheses/apercu?{query}");
        var chapter = preview.GetElementById("partie-declare-observe")!;
        var rows = chapter.QuerySelector("table.declared-observed")!.QuerySelectorAll("tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => Plain(string.Join(" ", c.ChildNodes.Select(n => n.TextContent))))))
            .ToList();
        Assert.Equal(
        [
            "Nextcloud Observé, peu déclaré | 41,7 % (5) | 80 % (8) | −38,3 pts",
            "Pix | — (< 5) | — (< 5) | —",
            "WhatsApp | 75 % (9) | — (< 5) | —",
        ], rows);
        Assert.Contains("Sanitas (Tours) : 6 répondant(s), 8 observation(s)", Plain(chapter.TextContent));

        using var back = await Portal.CreateClient().GetAsync($"/s/{reference}/partie-declare-observe");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/tableau-de-bord/declare-observe?{Period}", back.Headers.Location!.OriginalString);

        // Without a survey that asks which tools, the chapter is left out.
        var without = await coordination.GetHtml($"/syntheses/apercu?{Period}");
        Assert.Null(without.GetElementById("partie-declare-observe"));
    }

    [Fact]
    public async Task The_csv_is_the_tables_of_the_page()
    {
        await SeedAsync();
        var member = await Portal.SignedInAs(Roles.Contributeur);
        using var response = await member.GetAsync($"/tableau-de-bord/declare-observe/csv?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Plain).ToList();
        Assert.Equal("Territoire;Outil;Répondants qui le déclarent;Part des répondants;Observations qui le citent;Part des observations;Écart (points);Signalement", lines[0]);
        Assert.Equal(
        [
            "Ensemble;WhatsApp;9;75 %;2;20 %;55;Déclaré, peu observé",
            "Ensemble;Nextcloud;5;41,7 %;8;80 %;-38,3;Observé, peu déclaré",
            "Ensemble;Pix;< 5;—;2;20 %;;",
            "Sanitas (Tours);WhatsApp;6;100 %;0;0 %;100;Déclaré, peu observé",
            "Sanitas (Tours);Nextcloud;0;0 %;8;100 %;-100;Observé, peu déclaré",
            "Sanitas (Tours);Pix;< 5;—;2;25 %;;",
        ], lines.Skip(1).ToList());
    }
}
