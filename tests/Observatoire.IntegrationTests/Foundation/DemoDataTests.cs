using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Observatoire.Web.Data;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Foundation;

public class DemoDataTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly ObservatoireOptions WithDemoData = new() { DemoData = true };

    [Fact]
    public async Task Loading_the_demo_data_twice_leaves_the_same_row_counts()
    {
        await Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(WithDemoData));
        var first = await RowCounts();

        await Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(WithDemoData));
        var second = await RowCounts();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Every_demo_account_can_sign_in_with_its_role()
    {
        await Portal.Scope(sp => sp.GetRequiredService<InitialData>().LoadAsync(WithDemoData));

        foreach (var (email, _, role) in DemoData.Accounts)
        {
            var inRole = await Portal.Scope(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var user = await users.FindByEmailAsync(email);
                return user is not null && await users.IsInRoleAsync(user, role);
            });
            Assert.True(inRole, $"{email} devrait avoir le rôle {role}.");
            using var client = await Portal.SignIn(email, DemoData.Password);
        }
    }

    // Every table but the data-protection keys, which the portal may add at any time on its own.
    private async Task<SortedDictionary<string, long>> RowCounts()
    {
        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
            "AND table_name <> 'DataProtectionKeys'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var counts = new SortedDictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        Assert.True(counts["AspNetUsers"] >= DemoData.Accounts.Length, "Les comptes de démonstration devraient être chargés.");
        Assert.True(counts["Structures"] > 0 && counts["Observations"] > 0, "Les structures et observations de démonstration devraient être chargées.");
        return counts;
    }
}
