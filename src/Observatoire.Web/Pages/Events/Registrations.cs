using System.Security.Cryptography;

namespace Observatoire.Web.Pages.Events;

/// <summary>
/// Seats of an event. Every change runs in a transaction that first locks the event row (SELECT … FOR UPDATE),
/// so concurrent registrations are counted one after the other and an event is never overbooked.
/// </summary>
public static class Registrations
{
    public enum Refusal { None, NotFound, Cancelled, Past }

    public record Result(Refusal Refusal, EventRegistration? Registration, bool AlreadyRegistered, IReadOnlyList<EventRegistration> Promoted)
    {
        public bool Ok => Refusal == Refusal.None;
    }

    private record EventLock(int? Capacity, bool IsCancelled, DateTime EndsAt);

    /// <summary>Registers a member (<paramref name="userId"/>) or a visitor (name and e-mail): a seat if one is left, else the waiting list.</summary>
    public static async Task<Result> RegisterAsync(ObservatoireDbContext db, int eventId, string? userId, string? name, string? email,
        DateTime now, CancellationToken ct)
    {
        email = email?.Trim().ToLowerInvariant();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockAsync(db, eventId, ct);
        if (ev is null) return new Result(Refusal.NotFound, null, false, []);
        if (ev.IsCancelled) return new Result(Refusal.Cancelled, null, false, []);
        if (ev.EndsAt <= now) return new Result(Refusal.Past, null, false, []);

        var existing = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId
            && (userId != null ? r.UserId == userId : r.Email == email), ct);
        if (existing is { Status: not RegistrationStatus.Cancelled })
            return new Result(Refusal.None, existing, true, []);
        if (existing is not null)
        {
            // Coming back after cancelling: a new arrival, at the end of the queue.
            db.EventRegistrations.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        var confirmed = await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed, ct);
        var registration = new EventRegistration
        {
            EventId = eventId,
            UserId = userId,
            Name = userId is null ? name?.Trim() : null,
            Email = userId is null ? email : null,
            Status = ev.Capacity is int capacity && confirmed >= capacity ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed,
            CreatedAt = now,
            UpdatedAt = now,
            CancelToken = userId is null ? NewToken() : null,
        };
        db.EventRegistrations.Add(registration);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result(Refusal.None, registration, false, []);
    }

    /// <summary>Cancels a registration and gives freed seats to the waiting list, first come first served.</summary>
    public static async Task<Result> CancelAsync(ObservatoireDbContext db, int registrationId, DateTime now, CancellationToken ct)
    {
        var eventId = await db.EventRegistrations.Where(r => r.Id == registrationId).Select(r => (int?)r.EventId).SingleOrDefaultAsync(ct);
        if (eventId is null) return new Result(Refusal.NotFound, null, false, []);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await LockAsync(db, eventId.Value, ct);
        if (ev is null) return new Result(Refusal.NotFound, null, false, []);
        var registration = await db.EventRegistrations.SingleAsync(r => r.Id == registrationId, ct);
        if (registration.Status == RegistrationStatus.Cancelled) return new Result(Refusal.None, registration, false, []);
        registration.Status = RegistrationStatus.Cancelled;
        registration.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        var promoted = ev.IsCancelled ? [] : await PromoteLockedAsync(db, eventId.Value, ev.Capacity, now, ct);
        await tx.CommitAsync(ct);
        return new Result(Refusal.None, registration, false, promoted);
    }

    /// <summary>After the capacity grew: seats go to the waiting list. Runs inside the caller's transaction.</summary>
    public static async Task<IReadOnlyList<EventRegistration>> PromoteAsync(ObservatoireDbContext db, int eventId, DateTime now, CancellationToken ct)
    {
        var ev = await LockAsync(db, eventId, ct);
        if (ev is null || ev.IsCancelled) return [];
        return await PromoteLockedAsync(db, eventId, ev.Capacity, now, ct);
    }

    private static async Task<List<EventRegistration>> PromoteLockedAsync(ObservatoireDbContext db, int eventId, int? capacity,
        DateTime now, CancellationToken ct)
    {
        var confirmed = await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed, ct);
        var free = capacity is int c ? Math.Max(0, c - confirmed) : int.MaxValue;
        if (free == 0) return [];
        var promoted = await db.EventRegistrations.Include(r => r.User)
            .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Id).Take(free).ToListAsync(ct);
        foreach (var r in promoted)
        {
            r.Status = RegistrationStatus.Confirmed;
            r.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return promoted;
    }

    // Not composed (no LIMIT around it): the row lock must be taken by this exact statement.
    private static async Task<EventLock?> LockAsync(ObservatoireDbContext db, int eventId, CancellationToken ct) =>
        (await db.Database.SqlQuery<EventLock>(
                $"""SELECT "Capacity", "IsCancelled", "EndsAt" FROM "Events" WHERE "Id" = {eventId} FOR UPDATE""")
            .ToListAsync(ct)).SingleOrDefault();

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
