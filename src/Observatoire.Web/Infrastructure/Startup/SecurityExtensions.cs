using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Infrastructure;

public static class SecurityExtensions
{
    /// <summary>Cookies, trusted proxies, two-factor enforcement, rate limits and the audit log.</summary>
    public static IServiceCollection AddObservatoireSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecurityOptions.Section);
        services.Configure<SecurityOptions>(section);
        var networks = section.GetSection(nameof(SecurityOptions.TrustedProxyNetworks)).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The reverse proxy on this host (nginx) is trusted, and the networks the settings name (docker-compose.yml).
            o.KnownProxies.Add(System.Net.IPAddress.Loopback);
            foreach (var network in networks.Where(n => !string.IsNullOrWhiteSpace(n)))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });

        // Every cookie the portal sets: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS
        // (X-Forwarded-Proto from nginx counts, see the forwarded headers above).
        services.Configure<AntiforgeryOptions>(o => Harden(o.Cookie));
        services.Configure<CookieTempDataProviderOptions>(o => Harden(o.Cookie));
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, o => Harden(o.Cookie));

        // Sent only over HTTPS (nginx's X-Forwarded-Proto counts), outside Development.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddScoped<Audit>();
        services.AddObservatoireRateLimits(configuration);
        return services;
    }

    private static void Harden(CookieBuilder cookie)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }
}
