namespace Observatoire.Web.Infrastructure;

/// <summary>Outgoing mail (section "Observatoire:Smtp"); without a host, messages are kept in the portal only.</summary>
public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "observatoire@localhost";
    public bool UseStartTls { get; set; } = true;
    /// <summary>At most this many messages leave the portal per minute (all instances together), so a provider's limit holds.</summary>
    public int MessagesPerMinute { get; set; } = 60;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
