using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Observatoire.Web.Data;

// Not "Directory": that name would shadow System.IO.Directory across the test assembly.
namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>
/// Merges are right by construction: the links come from EF Core's model. These tests enumerate the model, so a new
/// foreign key or a new column naming a record is either moved by the merge or makes a test fail.
/// </summary>
public partial class MergeTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Every type the portal merges: the directory's records and the reference lists.</summary>
    public static readonly TheoryData<string> Mergeable = [nameof(DigitalTool), nameof(Structure), nameof(Territory), nameof(Theme), nameof(Audience)];

    private static Type TypeOf(string name) => typeof(DigitalTool).Assembly.GetType($"Observatoire.Web.Domain.{name}")!;

    [Theory]
    [MemberData(nameof(Mergeable))]
    public async Task Every_foreign_key_to_a_mergeable_type_has_a_way_to_move(string name)
    {
        var model = await Portal.Db(db => Task.FromResult(db.Model));

        var links = RecordMerger.Links(model, TypeOf(name));

        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.False(string.IsNullOrEmpty(l.Column)));
    }

    [Fact]
    public async Task Every_column_naming_a_mergeable_record_outside_a_foreign_key_is_followed()
    {
        var model = await Portal.Db(db => Task.FromResult(db.Model));
        var unfollowed = model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => ReferenceName().IsMatch(p.Name) && !p.IsForeignKey()).Select(p => (Entity: e, Property: p)))
            .Where(x => !RecordMerger.FollowedOutsideForeignKeys.ContainsKey(x.Entity.ClrType.Name))
            .Select(x => $"{x.Entity.DisplayName()}.{x.Property.Name}")
            .ToList();

        Assert.True(unfollowed.Count == 0, "Ces colonnes désignent un enregistrement fusionnable sans clé étrangère : dites dans "
            + $"RecordMerger.FollowedOutsideForeignKeys comment une fusion les suit : {string.Join(", ", unfollowed)}");
    }

    [Theory]
    [MemberData(nameof(Mergeable))]
    public async Task Merging_keeps_every_link_of_both_records_once(string name)
    {
        var type = TypeOf(name);
        var world = await LinkedWorld.SeedAsync(Portal);
        var (duplicate, kept) = world.Pairs[type];
        var links = await Portal.Db(db => Task.FromResult(RecordMerger.Links(db.Model, type)));
        var before = await SnapshotAsync(links, duplicate, kept);
        // The world links the duplicate from every table: a new link table without a row here fails first.
        foreach (var link in links)
            Assert.True(before[link].Duplicate.Count > 0, $"Aucune ligne de {link.Table}.{link.Column} ne pointe vers le doublon : complétez LinkedWorld.");

        var report = await MergeAsync(type, duplicate, kept);

        var after = await SnapshotAsync(links, duplicate, kept);
        foreach (var link in links)
        {
            var (b, a) = (before[link], after[link]);
            Assert.Empty(a.Duplicate);
            if (link.Strategy == RecordMerger.Strategy.Move)
                Assert.Equal(b.Kept.Concat(b.Duplicate).Order(), a.Kept.Order());
            else
            {
                // One row per link: the union of both records' links, none twice.
                Assert.Equal(b.KeptKeys.Union(b.DuplicateKeys).Order(), a.KeptKeys.Order());
            }
        }
        Assert.Equal(before.Values.Sum(s => s.Duplicate.Count), report.Moved + report.AlreadyLinked);
        Assert.True(report.AlreadyLinked > 0, "Le monde de test partage des liens entre les deux fiches : certains devaient être déjà là.");
        Assert.Null(await Portal.Db(db => db.FindAsync(type, duplicate).AsTask()));
        await Rollups.AssertEqualARebuildAsync(Portal);
    }

    [Fact]
    public async Task A_territory_cannot_be_merged_into_one_of_its_quartiers()
    {
        var (commune, quartier) = await Portal.Seed(s =>
        {
            var c = s.Territory("Tours");
            return (c, s.Quartier("Sanitas", c));
        });

        var refused = await Assert.ThrowsAsync<RecordMerger.RefusedException>(() => MergeAsync(typeof(Territory), commune.Id, quartier.Id));

        Assert.Contains("dépend de celle à fusionner", refused.Message);
        Assert.True(await Portal.Db(db => db.Territories.AnyAsync(t => t.Id == commune.Id)));
    }

    private Task<RecordMerger.Report> MergeAsync(Type type, int duplicate, int kept) => Portal.Scope(async sp =>
    {
        var db = sp.GetRequiredService<ObservatoireDbContext>();
        var merger = sp.GetRequiredService<RecordMerger>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var report = await merger.MergeAsync(type, duplicate, kept, CancellationToken.None);
        await transaction.CommitAsync();
        return report;
    });

    /// <summary>The rows of one link table pointing at each record, as JSON without the link column itself.</summary>
    private sealed record Rows(List<string> Duplicate, List<string> Kept, List<string> DuplicateKeys, List<string> KeptKeys);

    private Task<Dictionary<RecordMerger.Link, Rows>> SnapshotAsync(IReadOnlyList<RecordMerger.Link> links, int duplicate, int kept) =>
        Portal.Db(async db =>
        {
            var result = new Dictionary<RecordMerger.Link, Rows>();
            foreach (var link in links)
            {
                async Task<List<string>> Read(string select, int id)
                {
                    var rows = new List<string>();
                    await using var command = new NpgsqlCommand(
                        $"""SELECT ({select})::text FROM "{link.Table}" t WHERE "{link.Column}" = @id""", (NpgsqlConnection)db.Database.GetDbConnection());
                    command.Parameters.AddWithValue("id", id);
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
                    return rows;
                }
                await db.Database.OpenConnectionAsync();
                var whole = $"""to_jsonb(t) - '{link.Column}'""";
                var key = link.UniqueWith.Count == 0 ? whole
                    : "jsonb_build_object(" + string.Join(", ", link.UniqueWith[0].Select(c => $"""'{c}', t."{c}" """)) + ")";
                result[link] = new Rows(await Read(whole, duplicate), await Read(whole, kept), await Read(key, duplicate), await Read(key, kept));
            }
            return result;
        });

    [GeneratedRegex("^(Tool|Structure|Territory|Theme|Audience)Ids?$")]
    private static partial Regex ReferenceName();
}
