using Npgsql;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// The computed dashboard is cached per view, filter and data version (Pages/TableauDeBord/DashboardCache.cs).
/// Rollups are edited behind the triggers' back to tell a cached page from a recomputed one.
/// </summary>
public class DashboardCacheTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Url = DashboardData.Url;

    [Fact]
    public async Task A_cached_dashboard_shows_a_new_validated_observation_right_after_it_is_saved()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        Assert.Equal("4", Observations(await member.GetHtml(Url)));

        // A change the triggers do not see: the page is still served from the cache.
        await Tamper(Portal);
        Assert.Equal("4", Observations(await member.GetHtml(Url)));

        await Portal.Db(async db =>
        {
            var structure = await db.Structures.SingleAsync(s => s.Name == "Résoudre");
            db.Observations.Add(new Observation
            {
                Title = "Nouvelle permanence", StructureId = structure.Id, TerritoryId = structure.TerritoryId!.Value,
                ObservedOn = new(2026, 3, 10), ParticipantsCount = 3, Status = ObservationStatus.Validated,
                Description = "Permanence du mardi.", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        // Recomputed: the new observation and (since it reads the rollups again) the tampered cells.
        Assert.Equal("1005", Observations(await member.GetHtml(Url)));
    }

    [Fact]
    public async Task Public_and_member_entries_never_mix()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Contributeur);
        var anonymous = Portal.CreateClient();

        var memberFirst = await member.GetHtml(Url);
        var publicAfter = await anonymous.GetHtml(Url);
        var publicAgain = await anonymous.GetHtml(Url);
        var memberAgain = await member.GetHtml(Url);

        Assert.Equal("4", Observations(memberFirst));
        Assert.Equal("4", Observations(memberAgain));
        Assert.NotNull(memberAgain.QuerySelector("#chiffre-outils"));
        foreach (var page in new[] { publicAfter, publicAgain })
        {
            Assert.Equal("<5", Observations(page));
            Assert.Null(page.QuerySelector("#chiffre-outils"));
            Assert.Null(page.QuerySelector("#graphique-publics"));
        }
    }

    [Fact]
    public async Task A_page_computed_while_a_write_is_uncommitted_is_not_kept()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);

        // The writer has bumped the version (statement trigger on Themes) but not committed when the page is computed.
        await using (var writer = new NpgsqlConnection(Portal.ConnectionString))
        {
            await writer.OpenAsync();
            await using var tx = await writer.BeginTransactionAsync();
            await using (var rename = new NpgsqlCommand("""UPDATE "Themes" SET "Name" = 'Emploi et insertion' WHERE "Slug" = 'emploi'""", writer, tx))
                await rename.ExecuteNonQueryAsync();
            Assert.Equal("Emploi", ThemeLabels(await member.GetHtml(Url))[0]);
            await tx.CommitAsync();
        }

        // Same version as the page computed above: had it been kept, the old name would be served.
        Assert.Equal("Emploi et insertion", ThemeLabels(await member.GetHtml(Url))[0]);
    }

    [Fact]
    public async Task A_new_survey_response_refreshes_the_member_dashboard_but_not_the_public_one()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        var anonymous = Portal.CreateClient();
        Assert.Equal("0", Respondents(await member.GetHtml(Url)));
        Assert.Equal("<5", Observations(await anonymous.GetHtml(Url)));
        await Tamper(Portal);

        await Portal.Db(async db =>
        {
            var survey = new Survey { Title = "Usages", Slug = "usages", Status = SurveyStatus.Open, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.AddRange(survey, new Response { Survey = survey, CreatedAt = new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc), IdempotencyKey = Guid.NewGuid() });
            await db.SaveChangesAsync();
        });

        var memberPage = await member.GetHtml(Url);
        Assert.Equal("<5", Respondents(memberPage));                     // one respondent, suppressed
        Assert.Equal("1004", Observations(memberPage));         // recomputed
        Assert.Equal("<5", Observations(await anonymous.GetHtml(Url)));   // still the cached public page
    }

    [Fact]
    public async Task Renaming_retiring_or_freeing_a_list_value_refreshes_the_cached_dashboard()
    {
        await DashboardData.SeedAsync(Portal);
        var member = await Portal.SignedInAs(Roles.Partenaire);
        var first = await member.GetHtml(Url);
        Assert.Contains("Travail collaboratif", Labels(first, "categories-outils"));
        Assert.Contains("Association", Labels(first, "types-structure"));
        Assert.Equal("50%", Figure(first, "part-libre"));

        // Each list's own statement trigger bumps the version: only that table changes.
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync("""UPDATE "ToolCategories" SET "Name" = 'Travail en équipe' WHERE "Slug" = 'travail-collaboratif'"""));
        Assert.Contains("Travail en équipe", Labels(await member.GetHtml(Url), "categories-outils"));
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync("""UPDATE "StructureKinds" SET "RetiredAt" = now() WHERE "Slug" = 'association'"""));
        Assert.Contains("Association (retiré)", Labels(await member.GetHtml(Url), "types-structure"));
        await Portal.Db(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Licences" SET "IsFree" = true WHERE "Slug" = 'proprietaire'"""));
        Assert.Equal("100%", Figure(await member.GetHtml(Url), "part-libre"));
    }

    private static string[] Labels(IDocument page, string chart) =>
        page.QuerySelectorAll($"#graphique-{chart} table tbody th").Select(th => th.Text().Trim()).ToArray();

    /// <summary>A key figure without its spaces (thousands are separated by a narrow no-break space).</summary>
    private static string Figure(IDocument page, string id) =>
        string.Concat(page.QuerySelector($"#chiffre-{id} .figure-value")!.Text().Where(c => !char.IsWhiteSpace(c)));

    internal static string Observations(IDocument page) => Figure(page, "observations");

    private static string Respondents(IDocument page) => Figure(page, "repondants");

    internal static string[] ThemeLabels(IDocument page) =>
        page.QuerySelectorAll("#graphique-themes table tbody th").Select(th => th.Text().Trim()).ToArray();

    /// <summary>Adds 1,000 observations to a whole-month cell directly, without any trigger (hence no version bump).</summary>
    internal static Task Tamper(PortalFixture portal) => portal.Db(db => db.Database.ExecuteSqlRawAsync("""
        UPDATE "AnalysisCells" SET "Observations" = "Observations" + 1000
        WHERE "ThemeId" = 0 AND "AudienceId" = 0 AND "Month" = '2026-02-01' AND "Observations" > 0
          AND ctid = (SELECT min(ctid) FROM "AnalysisCells" WHERE "ThemeId" = 0 AND "AudienceId" = 0 AND "Month" = '2026-02-01' AND "Observations" > 0)
        """));
}
