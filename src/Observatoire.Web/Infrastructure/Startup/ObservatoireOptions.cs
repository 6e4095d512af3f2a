namespace Observatoire.Web.Infrastructure;

/// <summary>The portal's settings, section "Observatoire" (environment variables Observatoire__…).</summary>
public class ObservatoireOptions
{
    public const string Section = "Observatoire";
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Loads the demo dataset on an empty database. Off in Production unless asked.</summary>
    public bool DemoData { get; set; }
    public AdminOptions Admin { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Published figures hide groups smaller than this, so nobody can be singled out.</summary>
    public int SuppressionThreshold { get; set; } = 5;
    /// <summary>Public address of the portal, used in e-mailed links.</summary>
    public string? PublicUrl { get; set; }
}
