namespace Observatoire.Web.Infrastructure;

/// <summary>Security settings, section "Observatoire:Security".</summary>
public class SecurityOptions
{
    public const string Section = "Observatoire:Security";

    /// <summary>Administrateur and Coordination accounts must enrol an authenticator app before using the portal.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>
    /// Networks (CIDR) of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed, besides the loopback
    /// (e.g. the docker-compose network where nginx runs).
    /// </summary>
    public string[] TrustedProxyNetworks { get; set; } = [];
}
