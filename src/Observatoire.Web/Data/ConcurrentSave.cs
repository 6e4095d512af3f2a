using Microsoft.EntityFrameworkCore.Storage;

namespace Observatoire.Web.Data;

/// <summary>Saving an edit that must be written together with its audit or history, and may meet someone else's edit.</summary>
public static class ConcurrentSave
{
    /// <summary>
    /// Opens a transaction and saves the tracked changes in it. On an optimistic-concurrency conflict (the record was saved by
    /// someone else since the form was read) it rolls back, forgets every tracked change and returns null: the page then says so
    /// and shows the stored values. Otherwise the caller writes what belongs with the change (audit, history) and commits.
    /// </summary>
    public static async Task<IDbContextTransaction?> SaveInTransactionAsync(this DbContext db, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return transaction;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
            return null;
        }
    }
}
