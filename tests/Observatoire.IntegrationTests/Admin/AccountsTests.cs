namespace Observatoire.IntegrationTests.Admin;

/// <summary>
/// The accounts pages: times in Paris time (the test machine runs in UTC, like the server, so server time would
/// show 10 h 18 for 12 h 18 in Paris, and the day before for a late-evening UTC instant), people in French order.
/// </summary>
public class AccountsTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>12 h 18 in Paris on 1 July 2026.</summary>
    private static readonly DateTime Noon = new(2026, 7, 1, 10, 18, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_accounts_list_shows_the_last_sign_in_in_Paris_time()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Db(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, Noon)));
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        var row = (await admin.GetHtml("/admin/comptes")).QuerySelectorAll("main tbody tr")
            .Single(tr => tr.Text().Contains(user.Email!, StringComparison.Ordinal));

        Assert.Equal("1er juillet 2026 à 12 h 18", row.Children[^1].Text());
    }

    [Fact]
    public async Task An_account_created_late_in_the_evening_UTC_shows_the_Paris_day()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        // 23 h 30 UTC on 15 March is 0 h 30 on 16 March in Paris.
        await Portal.Db(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, new DateTime(2026, 3, 15, 23, 30, 0, DateTimeKind.Utc))));
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        var page = await admin.GetHtml($"/admin/comptes/{user.Id}");

        Assert.Contains("compte créé le 16 mars 2026", page.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task People_are_listed_in_French_alphabetical_order()
    {
        string[] seeded = ["Yanis Benali", "Élodie Roux", "zoé Martin", "Aline Petit"];
        foreach (var name in seeded)
        {
            var user = await Portal.CreateUser(Roles.Contributeur);
            await Portal.Db(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name)));
        }
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        var names = (await admin.GetHtml("/admin/comptes")).QuerySelectorAll("main tbody tr td:first-child").Select(td => td.Text())
            .Where(seeded.Contains).ToList();

        // Character-code order would put « Élodie » last and « zoé » after « Yanis » only by luck of the case.
        Assert.Equal(["Aline Petit", "Élodie Roux", "Yanis Benali", "zoé Martin"], names);
    }
}
