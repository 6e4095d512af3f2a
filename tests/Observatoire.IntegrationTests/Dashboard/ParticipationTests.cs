using System.Text;
using Observatoire.Web.Pages.Wiki;
using Observatoire.Web.Analysis;

namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// « Qui participe » (#19.3): contributions to the observatory by actor category, structure kind, territory and month,
/// counted by hand over the first half of 2026 (threshold 5).
/// <code>
/// who                         account / structure                  contributions in the period (Paris time)
/// P1…P5 field professionals   Pluriel (centre social, Sanitas)     one submission each (10 Feb)
///   P1                                                            its observation validated (1 Mar); 2 report revisions (15 Jan, 20 Apr)
///   P2                                                            its observation validated (1 Mar); a submission on 31 Dec 23:30 UTC
///                                                                 (= 1 Jan 00:30 in Paris); a watch item (5 May)
///   P3                                                            attends the 10 March event
/// R  resident                 Résoudre (association, Rabière)      3 submissions (2 Apr), one of them validated (3 Apr)
/// a visitor without account   —                                    attends the 10 March event and the 1 June one (same e-mail, other case)
/// surveys                     —                                    S1 created 5 Jan (draft), S2 created 2025 opened 1 Feb, S3 created 3 Mar (closed, no opening date)
/// not counted: P1's submission of 1 July, P1's revision of an ordinary wiki page, a watch item read from a feed,
/// P4 waitlisted, P5 at a cancelled event.
/// </code>
/// Totals: 9 submitted, 3 validated, 2 report revisions, 2 surveys created, 2 opened, 1 watch item, 3 attendances; 7 contributors.
/// </summary>
public class ParticipationTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Url = "/tableau-de-bord/participation?du=2026-01-01&au=2026-06-30";

    private static DateTime Utc(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private async Task SeedAsync()
    {
        var (pluriel, resoudre) = await Portal.Seed(s =>
        {
            var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
            var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
            return (s.Structure("Centre social Pluriel", sanitas, "Centre social"), s.Structure("Résoudre", rabiere, "Association"));
        });
        var pros = new List<AppUser>();
        for (var i = 1; i <= 5; i++) pros.Add(await Contributor(pluriel.Id, $"Pro {i}", ActorCategory.FieldProfessional));
        var resident = await Contributor(resoudre.Id, "Habitante", ActorCategory.Resident);
        var (p1, p2, p3, p4, p5) = (pros[0], pros[1], pros[2], pros[3], pros[4]);

        await Portal.Db(async db =>
        {
            var sb = new SeedBuilder(db);
            void Submission(AppUser user, Structure structure, DateTime at, DateTime? validatedAt = null)
            {
                var o = sb.Observation("Atelier", structure, status: validatedAt is null ? ObservationStatus.Submitted : ObservationStatus.Validated);
                o.CreatedById = user.Id;
                o.ValidatedAt = validatedAt;
                db.ObservationChanges.Add(new ObservationChange
                {
                    Observation = o, At = at, UserId = user.Id, UserName = user.DisplayName, Kind = ObservationChangeKind.Submitted,
                });
            }
            var plurielRow = await db.Structures.SingleAsync(x => x.Id == pluriel.Id);
            var resoudreRow = await db.Structures.SingleAsync(x => x.Id == resoudre.Id);
            foreach (var p in pros) Submission(p, plurielRow, Utc(2026, 2, 10), p == p1 || p == p2 ? Utc(2026, 3, 1) : null);
            Submission(p2, plurielRow, Utc(2025, 12, 31, 23, 30));
            Submission(p1, plurielRow, Utc(2026, 7, 1, 12));
            Submission(resident, resoudreRow, Utc(2026, 4, 2), Utc(2026, 4, 3));
            Submission(resident, resoudreRow, Utc(2026, 4, 2));
            Submission(resident, resoudreRow, Utc(2026, 4, 2));

            var report = new WikiPage { Title = "Retour atelier", Slug = "retour-atelier", Type = WikiPageType.ExperienceReport };
            await WikiStore.SaveRevisionAsync(db, report, "Retour atelier", "Texte.", null, p1.Id, Utc(2026, 1, 15), default);
            await WikiStore.SaveRevisionAsync(db, report, "Retour atelier", "Texte revu.", null, p1.Id, Utc(2026, 4, 20), default);
            var ordinary = new WikiPage { Title = "Accueil", Slug = "accueil-wiki" };
            await WikiStore.SaveRevisionAsync(db, ordinary, "Accueil", "Texte.", null, p1.Id, Utc(2026, 2, 2), default);

            db.WatchItems.Add(new WatchItem { Url = "https://exemple.fr/a", Title = "Proposé", Status = WatchStatus.Published, PostedById = p2.Id, CreatedAt = Utc(2026, 5, 5) });
            db.WatchItems.Add(new WatchItem { Url = "https://exemple.fr/b", Title = "Flux", Status = WatchStatus.Published, CreatedAt = Utc(2026, 5, 6) });

            var march = sb.Event("Atelier de mars", Utc(2026, 3, 10, 13));
            var june = sb.Event("Atelier de juin", Utc(2026, 6, 1, 13));
            var cancelled = sb.Event("Atelier annulé", Utc(2026, 3, 12, 13));
            cancelled.IsCancelled = true;
            void Seat(Event e, string? userId, RegistrationStatus status, string? email = null) => db.EventRegistrations.Add(new EventRegistration
            {
                Event = e, UserId = userId, Status = status, Name = email is null ? null : "Voisin", Email = email,
                CreatedAt = Utc(2026, 3, 1), UpdatedAt = Utc(2026, 3, 1),
            });
            Seat(march, p3.Id, RegistrationStatus.Confirmed);
            Seat(march, p4.Id, RegistrationStatus.Waitlisted);
            Seat(cancelled, p5.Id, RegistrationStatus.Confirmed);
            Seat(march, null, RegistrationStatus.Confirmed, "Voisin@exemple.fr");
            Seat(june, null, RegistrationStatus.Confirmed, "voisin@exemple.fr");

            db.Surveys.AddRange(
                new Survey { Title = "S1", Slug = "s1", Status = SurveyStatus.Draft, CreatedAt = Utc(2026, 1, 5), UpdatedAt = Utc(2026, 1, 5) },
                new Survey { Title = "S2", Slug = "s2", Status = SurveyStatus.Open, CreatedAt = Utc(2025, 12, 1), UpdatedAt = Utc(2026, 2, 1), OpensAt = Utc(2026, 2, 1) },
                new Survey { Title = "S3", Slug = "s3", Status = SurveyStatus.Closed, CreatedAt = Utc(2026, 3, 3), UpdatedAt = Utc(2026, 3, 3) });
            await db.SaveChangesAsync();
        });
    }

    private async Task<AppUser> Contributor(int structureId, string name, ActorCategory category)
    {
        var user = await Portal.CreateUser(Roles.Contributeur, structureId);
        await Portal.Db(async db =>
        {
            var actor = new SeedBuilder(db).Actor(name, category);
            await db.SaveChangesAsync();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ActorId, actor.Id));
        });
        return user;
    }

    /// <summary>The rows of a table: the group, then each cell as shown.</summary>
    private static List<string[]> Rows(IDocument page, string table) =>
        [.. page.QuerySelectorAll($"#tableau-{table} tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray())];

    private static string Total(IDocument page, string id) => page.QuerySelector($"#total-{id} .figure-value")!.Text();

    [Fact]
    public async Task Members_read_each_kind_of_contribution_by_category_structure_kind_territory_and_month()
    {
        await SeedAsync();
        var member = await Portal.SignedInAs(Roles.Partenaire);

        var page = await member.GetHtml(Url);

        Assert.Equal(["9", "3", "2", "2", "2", "1", "3", "7"],
            new[] { "observations-soumises", "observations-validees", "retours-experience", "enquetes-creees", "enquetes-ouvertes", "veille",
                "participations-evenements", "contributeurs" }.Select(id => Total(page, id)));
        // Columns: submitted, validated, report revisions, watch items, attendances, contributions, contributors.
        Assert.Equal([
            ["Professionnel de terrain", "6", "2", "2", "1", "1", "12", "5"],
            ["Institutionnel", "0", "0", "0", "0", "0", "0", "0"],
            ["Usager / habitant", "3", "1", "0", "0", "0", "4", "1"],
            ["Sans fiche d'acteur", "0", "0", "0", "0", "0", "0", "0"],
            ["Inscription sans compte", "0", "0", "0", "0", "2", "2", "1"],
        ], Rows(page, "categories"));
        Assert.Equal([
            ["Association", "3", "1", "0", "0", "0", "4", "1"],
            ["Centre social", "6", "2", "2", "1", "1", "12", "5"],
            ["Sans structure", "0", "0", "0", "0", "2", "2", "1"],
        ], Rows(page, "types-structure"));
        Assert.Equal([
            ["Rabière (Joué-lès-Tours)", "3", "1", "0", "0", "0", "4", "1"],
            ["Sanitas (Tours)", "6", "2", "2", "1", "1", "12", "5"],
            ["Sans structure", "0", "0", "0", "0", "2", "2", "1"],
        ], Rows(page, "territoires"));
        // Columns: submitted, validated, reports, surveys created, surveys opened, watch, attendances, contributions, contributors.
        Assert.Equal([
            ["janvier 2026", "1", "0", "1", "1", "0", "0", "0", "3", "2"],
            ["février 2026", "5", "0", "0", "0", "1", "0", "0", "6", "5"],
            ["mars 2026", "0", "2", "0", "1", "1", "0", "2", "6", "4"],
            ["avril 2026", "3", "1", "1", "0", "0", "0", "0", "5", "2"],
            ["mai 2026", "0", "0", "0", "0", "0", "1", "0", "1", "1"],
            ["juin 2026", "0", "0", "0", "0", "0", "0", "1", "1", "1"],
        ], Rows(page, "periodes"));
        Assert.Null(page.QuerySelector("#resume-public"));
    }

    [Fact]
    public async Task Quarters_and_the_territory_filter_regroup_the_same_contributions()
    {
        await SeedAsync();
        var member = await Portal.SignedInAs(Roles.Contributeur);

        var quarters = await member.GetHtml(Url + "&pas=trimestre");
        var tours = await member.GetHtml(Url + "&territoire=tours");

        Assert.Equal([
            ["1er trimestre 2026", "6", "2", "1", "2", "2", "0", "2", "15", "6"],
            ["2e trimestre 2026", "3", "1", "1", "0", "0", "1", "1", "7", "4"],
        ], Rows(quarters, "periodes"));
        // Tours keeps Pluriel's contributions; surveys have no structure and are not filtered.
        Assert.Equal(["6", "2", "2", "2", "2", "1", "1", "5"],
            new[] { "observations-soumises", "observations-validees", "retours-experience", "enquetes-creees", "enquetes-ouvertes", "veille",
                "participations-evenements", "contributeurs" }.Select(id => Total(tours, id)));
        Assert.Equal([["Sanitas (Tours)", "6", "2", "2", "1", "1", "12", "5"]], Rows(tours, "territoires"));
    }

    [Fact]
    public async Task The_public_summary_suppresses_small_groups_that_members_read_exactly()
    {
        await SeedAsync();
        var anonymous = Portal.CreateClient();

        var page = await anonymous.GetHtml(Url);

        Assert.NotNull(page.QuerySelector("#resume-public"));
        Assert.Equal(["9", "< 5", "< 5", "< 5", "< 5", "< 5", "< 5", "7"],
            new[] { "observations-soumises", "observations-validees", "retours-experience", "enquetes-creees", "enquetes-ouvertes", "veille",
                "participations-evenements", "contributeurs" }.Select(id => Total(page, id)));
        // Only contributions and contributors per group; a group of fewer than 5 people publishes no count.
        Assert.Equal([
            ["Professionnel de terrain", "12", "5"],
            ["Institutionnel", "0", "0"],
            ["Usager / habitant", "—", "< 5"],
            ["Sans fiche d'acteur", "0", "0"],
            ["Inscription sans compte", "—", "< 5"],
        ], Rows(page, "categories"));
        Assert.Equal(["février 2026", "6", "5"], Rows(page, "periodes")[1]);
        Assert.Equal(["mars 2026", "—", "< 5"], Rows(page, "periodes")[2]);
        // Nobody is named: neither the actors nor the visitor who registered.
        foreach (var name in new[] { "Pro 1", "Habitante", "Voisin", "exemple.fr" })
            Assert.DoesNotContain(name, page.Body!.TextContent);
    }

    [Fact]
    public async Task The_csv_is_the_page_for_members_and_for_the_public()
    {
        await SeedAsync();
        var member = await Portal.SignedInAs(Roles.Contributeur);

        foreach (var client in new[] { member, Portal.CreateClient() })
        {
            var page = await client.GetHtml(Url);
            var link = page.QuerySelector("a[href^='/tableau-de-bord/participation/csv']")!.GetAttribute("href")!;
            using var response = await client.GetAsync(link);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
                .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();

            var tables = new[] { "categories", "types-structure", "territoires", "periodes" };
            var expected = tables.SelectMany(t => Rows(page, t).Select(r =>
                new[] { page.QuerySelector($"#titre-{t}")!.Text(), r[0] }.Concat(Columns(page, t, lines[0], r)).ToArray())).ToList();
            Assert.Equal(expected, lines.Skip(2));
            // The first line after the header is the totals above the tables.
            Assert.Equal(Total(page, "contributeurs"), lines[1][^1]);
        }
    }

    /// <summary>A table row's cells laid out under the CSV's columns: a kind the table has no column for is empty.</summary>
    private static IEnumerable<string> Columns(IDocument page, string table, string[] header, string[] row)
    {
        var headings = page.QuerySelectorAll($"#tableau-{table} thead th").Skip(1).Select(h => h.Text()).ToList();
        return header.Skip(2).Select(h => headings.IndexOf(h) is var i and >= 0 ? row[i + 1] : "");
    }

    [Fact]
    public async Task The_dashboard_and_the_methodology_link_to_it_and_a_bad_filter_falls_back_to_the_default_period()
    {
        var anonymous = Portal.CreateClient();

        var dashboard = await anonymous.GetHtml("/tableau-de-bord?du=2026-01-01&au=2026-06-30&theme=emploi");
        var methodology = await anonymous.GetHtml("/methodologie");
        var invalid = await anonymous.GetHtml("/tableau-de-bord/participation?du=2026-06-30&au=2026-01-01&pas=semaine");

        Assert.Equal("/tableau-de-bord/participation?du=2026-01-01&au=2026-06-30",
            dashboard.QuerySelector("a[href^='/tableau-de-bord/participation']")!.GetAttribute("href"));
        Assert.NotNull(methodology.QuerySelector("a[href='/tableau-de-bord/participation']"));
        Assert.Contains(Participation.Contributors.Description, methodology.Body!.TextContent);
        var errors = invalid.QuerySelectorAll(".error-summary li").Select(e => e.Text()).ToList();
        Assert.Contains("La date de fin doit être postérieure ou égale à la date de début.", errors);
        Assert.Contains("Le pas est « mois » ou « trimestre ».", errors);
    }
}
