using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Security;

public class AuditTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Failed_sign_ins_the_lockout_and_a_sign_in_are_recorded_without_any_address()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        using var client = Portal.CreateClient();
        for (var i = 0; i < 5; i++) (await SignIn(client, user.Email!, "Mauvais-Mot-2026")).Dispose();
        (await SignIn(client, "inconnu@test.fr", "Mauvais-Mot-2026")).Dispose();
        var other = await Portal.CreateUser(Roles.Partenaire);
        (await SignIn(client, other.Email!, PortalFixture.Password)).Dispose();

        var entries = await Portal.Db(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var mine = entries.Where(a => a.UserId == user.Id).Select(a => a.Action).ToList();
        Assert.Equal([.. Enumerable.Repeat(AuditActions.SignInFailed, 4), AuditActions.Lockout], mine);
        var unknown = Assert.Single(entries, a => a.Target == "inconnu@test.fr");
        Assert.Null(unknown.UserId);
        var signIn = Assert.Single(entries, a => a.Action == AuditActions.SignIn);
        Assert.Equal((other.Id, "Partenaire de test"), (signIn.UserId, signIn.UserName));
        var columns = await Portal.Db(db => db.Database.SqlQueryRaw<string>(
            "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'AuditEntries'").ToListAsync());
        Assert.DoesNotContain(columns, c => c.Contains("ip", StringComparison.OrdinalIgnoreCase) || c.Contains("address", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_invitation_and_a_role_change_appear_in_the_journal_with_who_and_what()
    {
        using var admin = await Portal.SignedInAs(Roles.Administrateur);
        using var invited = await admin.PostForm("/admin/comptes/inviter", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Samira Benali", ["Input.Email"] = "samira@test.fr", ["Input.Role"] = Roles.Contributeur,
        }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var id = await Portal.Db(db => db.Users.Where(u => u.Email == "samira@test.fr").Select(u => u.Id).SingleAsync());

        using var changed = await admin.PostForm($"/admin/comptes/{id}", new Dictionary<string, string> { ["Input.Role"] = Roles.Coordination },
            "main form.card[method=post]:not([action])");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var journal = await admin.GetHtml("/admin/journal?action=RoleChanged");
        var row = Assert.Single(journal.QuerySelectorAll("tbody tr"));
        Assert.Equal(["Administrateur de test", "Rôle modifié", "Samira Benali <samira@test.fr>", "Contributeur → Coordination"],
            row.QuerySelectorAll("td").Skip(1).Select(td => td.Text()));
        var invitations = await admin.GetHtml("/admin/journal?action=Invitation");
        Assert.Contains("rôle Contributeur", Assert.Single(invitations.QuerySelectorAll("tbody tr")).Text());
    }

    [Fact]
    public async Task Downloading_and_deleting_my_data_are_recorded_under_my_name()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        using var client = await Portal.SignIn(user.Email!);
        using (var download = await client.GetAsync("/compte/mes-donnees?handler=Telecharger"))
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        using var deleted = await client.PostForm("/compte/mes-donnees", new Dictionary<string, string> { ["Password"] = PortalFixture.Password },
            "main form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var entries = await Portal.Db(db => db.AuditEntries.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Equal([AuditActions.SignIn, AuditActions.Export, AuditActions.AccountDeleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("Contributeur de test", e.UserName));
        Assert.False(await Portal.Db(db => db.Users.AnyAsync(u => u.Id == user.Id)));
    }

    [Fact]
    public async Task The_journal_shows_fifty_lines_a_page_and_filters_by_person_and_day()
    {
        var start = DateTime.UtcNow.Date.AddDays(-3).AddHours(10);
        await Portal.Db(async db =>
        {
            for (var i = 0; i < 120; i++)
                db.AuditEntries.Add(new AuditEntry
                {
                    At = start.AddMinutes(i), Action = AuditActions.Export, UserName = i % 2 == 0 ? "Alice Durand" : "Bruno Petit",
                    Target = $"export {i}",
                });
            await db.SaveChangesAsync();
        });
        using var admin = await Portal.SignedInAs(Roles.Administrateur);

        var first = await admin.GetHtml("/admin/journal");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Page 1 sur 3", first.QuerySelector(".pager")!.Text());
        var last = await admin.GetHtml(first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!.Replace("p=2", "p=3"));
        Assert.Equal(21, last.QuerySelectorAll("tbody tr").Length); // 120 exports and the administrator's sign-in
        var alice = await admin.GetHtml("/admin/journal?personne=alice&action=Export");
        Assert.Contains("60 événements", alice.QuerySelector("[role=status]")!.Text());
        var day = DateOnly.FromDateTime(start).ToString("yyyy-MM-dd");
        var thatDay = await admin.GetHtml($"/admin/journal?du={day}&au={day}");
        Assert.Contains("120 événements", thatDay.QuerySelector("[role=status]")!.Text());
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.PostForm("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}
