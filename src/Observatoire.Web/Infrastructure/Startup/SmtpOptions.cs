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
}
