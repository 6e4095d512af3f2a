namespace Observatoire.Web.Pages.Notifications;

/// <summary>Settings of the notifications' background work, section "Observatoire:Notifications".</summary>
public class NotificationOptions
{
    public const string Section = ObservatoireOptions.Section + ":Notifications";
    /// <summary>Runs the background rounds (notices to mail, digests, the SMTP outbox); off in the tests, which run rounds themselves.</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>Seconds between two rounds: an immediate notice is mailed within about this long.</summary>
    public int PollSeconds { get; set; } = 15;
    /// <summary>Minutes between two looks of the features' sources (a synthesis' fingerprint reads every row in its scope).</summary>
    public int ScanMinutes { get; set; } = 10;
    /// <summary>Paris hour from which the day's digest (and on Mondays the week's) is built.</summary>
    public int DigestHour { get; set; } = 7;
}
