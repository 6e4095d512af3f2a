using Observatoire.Web.Pages.Directory;

namespace Observatoire.Web.Pages.Admin.Lists;

/// <summary>
/// Writes down a change to a list value: one audit line per kind of change (who, which value, before → after), and,
/// for a list with a directory history (territories), the same fields in that history, as the directory's forms do.
/// Call it inside the transaction of the change, so that the change and its trace are saved or lost together.
/// </summary>
public sealed class ListChanges(ObservatoireDbContext db, Audit audit)
{
    public sealed record Change(string Action, string Field, string? Before, string? After);

    /// <summary>« thème « Emploi » », as the audit log names a value.</summary>
    public static string Target(ReferenceList list, string name) => $"{list.One} « {name} »";

    public async Task RecordAsync(ReferenceList list, ClaimsPrincipal user, int id, string name, DirectoryChangeKind kind,
        IReadOnlyList<Change> changes, CancellationToken ct)
    {
        foreach (var c in changes)
            await audit.RecordAsync(c.Action, Target(list, name), Details(c));
        if (list.History is { } history && changes.Count > 0)
        {
            var who = await DirectoryHistory.AuthorAsync(db, user, ct);
            DirectoryHistory.Record(db, who, history, id, kind, changes.Select(c => new DirectoryHistory.Field(c.Field, c.Before, c.After)));
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Details(Change c) => c.Action switch
    {
        AuditActions.ListValueAdded => c.After ?? "",
        _ => $"{c.Field} : {Quote(c.Before)} → {Quote(c.After)}",
    };

    private static string Quote(string? value) => string.IsNullOrEmpty(value) ? "(vide)" : $"« {value} »";
}
