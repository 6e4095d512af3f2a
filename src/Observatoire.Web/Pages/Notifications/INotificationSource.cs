namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// A feature's notices that no request causes — a date comes near, a count is reached, data changed: the worker asks
/// each source every few minutes, and each writes its notices through <see cref="Notify.OnceAsync"/>, once per event.
/// A feature registers its source as a scoped service; this folder never reads another feature's tables.
/// </summary>
public interface INotificationSource
{
    Task RunAsync(DateTime now, CancellationToken ct);
}
