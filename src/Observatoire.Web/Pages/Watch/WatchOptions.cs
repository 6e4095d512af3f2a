namespace Observatoire.Web.Pages.Watch;

/// <summary>Settings of the watch's feed reader, section "Observatoire:Veille" (the French name users configure).</summary>
public class WatchOptions
{
    public const string Section = ObservatoireOptions.Section + ":Veille";
    /// <summary>How often active sources are read; 0 turns the background reading off.</summary>
    public int FetchIntervalMinutes { get; set; } = 60;
    /// <summary>Lets the reader reach loopback and private networks: for tests against a local server only.</summary>
    public bool AllowPrivateAddresses { get; set; }
    public int MaxFeedBytes { get; set; } = 2 * 1024 * 1024;
    public int TimeoutSeconds { get; set; } = 10;
}
