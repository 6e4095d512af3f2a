using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Observatoire.Web.Data;

/// <summary>
/// Merges a duplicate record into the record kept, for any entity type with an integer key (tools, structures,
/// territories, themes, audiences…). The links are found in EF Core's model, not in a hand-kept list: every foreign
/// key that points at the type is moved to the kept record, dropping the rows that would repeat a link the kept record
/// already has (the dependent's primary key or a unique index says which), and refusing what cannot be moved (a
/// one-to-one link both records hold, a territory merged into its own quartier). Rollups follow through their triggers.
/// Runs inside the caller's transaction; the caller deletes the duplicate and records the history.
/// </summary>
/// <remarks>
/// Usage: <c>var report = await new RecordMerger(db).MergeAsync&lt;DigitalTool&gt;(duplicate.Id, kept.Id, ct);</c>
/// and <c>PreviewAsync</c> for the counts a confirmation shows before anything moves.
/// </remarks>
public sealed class RecordMerger(ObservatoireDbContext db, IEnumerable<IMergeFollower> followers)
{
    public enum Strategy
    {
        /// <summary>Every row pointing at the duplicate now points at the kept record.</summary>
        Move,
        /// <summary>Moved, except rows that would repeat a link the kept record has (join tables, memberships).</summary>
        MoveSkippingDuplicates,
        /// <summary>At most one row may point at a record: moved when the kept record has none, refused otherwise.</summary>
        OneToOne,
    }

    /// <summary>
    /// One foreign key to the merged type: the dependent table and column, and the other columns of each unique key
    /// that contains the column (a row whose values there equal a kept-record row's is a duplicate link).
    /// </summary>
    public sealed record Link(string EntityName, string Table, string Column, Strategy Strategy, IReadOnlyList<string[]> UniqueWith)
    {
        /// <summary>For a tree (a territory's parent): the key column of the table, to walk up from the kept record.</summary>
        public string? SelfKeyColumn { get; init; }
    }

    /// <summary>What a merge moved (or would move) through one link.</summary>
    public sealed record LinkCount(Link Link, int Moved, int AlreadyLinked);

    public sealed record Report(IReadOnlyList<LinkCount> Links)
    {
        public int Moved => Links.Sum(l => l.Moved);
        public int AlreadyLinked => Links.Sum(l => l.AlreadyLinked);
        public int MovedThrough(string table) => Links.Where(l => l.Link.Table == table).Sum(l => l.Moved);
    }

    /// <summary>
    /// Tables that name a mergeable record in a column that is not a foreign key, and how a merge reaches them. A test
    /// lists every such column of the model: a new one fails until it is said here how merges follow it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FollowedOutsideForeignKeys = new Dictionary<string, string>
    {
        [nameof(Analysis.AnalysisFact)] = "rebuilt by the analysis triggers when an observation or its link rows are updated",
        [nameof(Analysis.AnalysisCell)] = "kept from AnalysisFacts by the same triggers",
        [nameof(Analysis.AnalysisToolCell)] = "kept from AnalysisFacts by the same triggers",
        [nameof(Analysis.AnalysisToolDay)] = "kept from AnalysisFacts by the same triggers",
        [nameof(Analysis.AnalysisToolDetailCell)] = "kept from AnalysisFacts by the same triggers",
    };

    /// <summary>Raised before anything moved: the message says, in French, what stands in the way.</summary>
    public sealed class RefusedException(string message) : Exception(message);

    /// <summary>The links to <paramref name="type"/> in the model, with how each is moved.</summary>
    public static IReadOnlyList<Link> Links(IModel model, Type type)
    {
        var principal = model.FindEntityType(type) ?? throw new ArgumentException($"{type.Name} n'est pas une entité du modèle.");
        var links = new List<Link>();
        foreach (var fk in model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(fk => fk.PrincipalEntityType == principal))
        {
            var dependent = fk.DeclaringEntityType;
            var table = dependent.GetTableName()
                ?? throw new NotSupportedException($"{dependent.DisplayName()} n'a pas de table : la fusion ne sait pas la déplacer.");
            if (fk.Properties.Count != 1)
                throw new NotSupportedException($"La clé étrangère {dependent.DisplayName()} → {type.Name} a plusieurs colonnes : la fusion ne sait pas la déplacer.");
            var store = StoreObjectIdentifier.Table(table, dependent.GetSchema());
            var column = fk.Properties[0].GetColumnName(store)!;
            var uniques = dependent.GetKeys().Select(k => k.Properties)
                .Concat(dependent.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties))
                .Where(props => props.Contains(fk.Properties[0]))
                .Select(props => props.Where(p => p != fk.Properties[0]).Select(p => p.GetColumnName(store)!).ToArray())
                .ToList();
            var strategy = uniques.Any(u => u.Length == 0) ? Strategy.OneToOne
                : uniques.Count > 0 ? Strategy.MoveSkippingDuplicates
                : Strategy.Move;
            links.Add(new Link(dependent.DisplayName(), table, column, strategy, uniques.Where(u => u.Length > 0).ToList())
            {
                SelfKeyColumn = dependent == principal ? principal.FindPrimaryKey()!.Properties[0].GetColumnName(store) : null,
            });
        }
        return links;
    }

    /// <summary>The counts a merge would give, without changing anything.</summary>
    public Task<Report> PreviewAsync<T>(int duplicateId, int keptId, CancellationToken ct) where T : class =>
        PreviewAsync(typeof(T), duplicateId, keptId, ct);

    public Task<Report> PreviewAsync(Type type, int duplicateId, int keptId, CancellationToken ct) =>
        RunAsync(type, duplicateId, keptId, apply: false, ct);

    public Task<Report> MergeAsync<T>(int duplicateId, int keptId, CancellationToken ct) where T : class =>
        MergeAsync(typeof(T), duplicateId, keptId, ct);

    /// <summary>
    /// Moves every link of the duplicate to the kept record, lets the followers update what refers to it outside foreign
    /// keys, and deletes the duplicate. Pending changes of the context are saved first (the kept record's filled
    /// blanks, its history); call it inside a transaction.
    /// </summary>
    public async Task<Report> MergeAsync(Type type, int duplicateId, int keptId, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new ArgumentException($"{type.Name} n'est pas une entité du modèle.");
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties[0].GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var slug = entity.FindProperty("Slug")?.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()));
        var report = await RunAsync(type, duplicateId, keptId, apply: true, ct);
        var merged = new MergedRecords(type, duplicateId, slug is null ? null : await SlugAsync(table, key, slug, duplicateId, ct),
            keptId, slug is null ? null : await SlugAsync(table, key, slug, keptId, ct));
        foreach (var follower in followers)
            await follower.FollowAsync(db, merged, ct);
        // Nothing points at the duplicate any more: no cascade can take anything with it.
        await ExecuteAsync($"""DELETE FROM "{table}" WHERE "{key}" = @d""", duplicateId, keptId, ct);
        return report;
    }

    /// <summary>
    /// A record took a new slug (an administrator changed a list value's address): what names records by slug follows as
    /// after a merge of the record into itself — its old address leads to it, syntheses' parameters name the new slug.
    /// Call it inside the transaction that saved the new slug.
    /// </summary>
    public async Task FollowSlugChangeAsync(Type type, int id, string oldSlug, string newSlug, CancellationToken ct)
    {
        var renamed = new MergedRecords(type, id, oldSlug, id, newSlug);
        foreach (var follower in followers)
            await follower.FollowAsync(db, renamed, ct);
    }

    private async Task<string?> SlugAsync(string table, string key, string column, int id, CancellationToken ct)
    {
        var command = Command($"""SELECT "{column}" FROM "{table}" WHERE "{key}" = @d""", id, id);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private async Task<Report> RunAsync(Type type, int duplicateId, int keptId, bool apply, CancellationToken ct)
    {
        if (duplicateId == keptId) throw new RefusedException("Choisissez deux fiches différentes.");
        var links = Links(db.Model, type);
        // Tracked entities would be stale after raw SQL moved their rows: the caller reloads what it needs.
        await db.SaveChangesAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        foreach (var link in links.Where(l => l.SelfKeyColumn is not null))
            if (await IsAncestorAsync(link, duplicateId, keptId, ct))
                throw new RefusedException("La fiche gardée dépend de celle à fusionner (un quartier de cette commune, par exemple) : "
                    + "choisissez l'inverse, ou rattachez-la d'abord ailleurs.");
        var counts = new List<LinkCount>();
        foreach (var link in links)
        {
            var total = await CountAsync($"""SELECT count(*) FROM "{link.Table}" WHERE "{link.Column}" = @d""", duplicateId, keptId, ct);
            var duplicates = 0;
            if (link.Strategy == Strategy.OneToOne && total > 0
                && await CountAsync($"""SELECT count(*) FROM "{link.Table}" WHERE "{link.Column}" = @k""", duplicateId, keptId, ct) > 0)
                throw new RefusedException($"Les deux fiches ont chacune un lien « {link.EntityName} » qui ne peut exister qu'une fois : "
                    + "retirez-le de l'une d'elles avant de fusionner.");
            foreach (var others in link.UniqueWith)
            {
                var same = string.Join(" AND ", others.Select(c => $"""k."{c}" = d."{c}" """));
                var where = $"""
                    FROM "{link.Table}" d WHERE d."{link.Column}" = @d
                      AND EXISTS (SELECT 1 FROM "{link.Table}" k WHERE k."{link.Column}" = @k AND {same})
                    """;
                duplicates += apply
                    ? await ExecuteAsync($"DELETE {where}", duplicateId, keptId, ct)
                    : await CountAsync($"SELECT count(*) {where}", duplicateId, keptId, ct);
            }
            if (apply)
                await ExecuteAsync($"""UPDATE "{link.Table}" SET "{link.Column}" = @k WHERE "{link.Column}" = @d""", duplicateId, keptId, ct);
            counts.Add(new LinkCount(link, total - duplicates, duplicates));
        }
        return new Report(counts);
    }

    /// <summary>For a tree (territories): is the duplicate above the kept record?</summary>
    private async Task<bool> IsAncestorAsync(Link link, int duplicateId, int keptId, CancellationToken ct) =>
        await CountAsync($"""
            WITH RECURSIVE up(id) AS (
              SELECT "{link.Column}" FROM "{link.Table}" WHERE "{link.SelfKeyColumn}" = @k
              UNION SELECT t."{link.Column}" FROM "{link.Table}" t JOIN up ON t."{link.SelfKeyColumn}" = up.id)
            SELECT count(*) FROM up WHERE id = @d
            """, duplicateId, keptId, ct) > 0;

    private async Task<int> CountAsync(string sql, int duplicateId, int keptId, CancellationToken ct) =>
        Convert.ToInt32(await Command(sql, duplicateId, keptId).ExecuteScalarAsync(ct));

    private async Task<int> ExecuteAsync(string sql, int duplicateId, int keptId, CancellationToken ct) =>
        await Command(sql, duplicateId, keptId).ExecuteNonQueryAsync(ct);

    private NpgsqlCommand Command(string sql, int duplicateId, int keptId)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var command = new NpgsqlCommand(sql, connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
        command.Parameters.AddWithValue("d", duplicateId);
        command.Parameters.AddWithValue("k", keptId);
        return command;
    }
}
