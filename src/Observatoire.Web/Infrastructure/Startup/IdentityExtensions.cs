using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Infrastructure;

public static class IdentityExtensions
{
    public static IServiceCollection AddObservatoireIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ObservatoireDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ObservatoireClaimsFactory>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        // Invitation and reset links stay valid three days: invitations travel on paper and by word of mouth.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "observatoire.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // A signed-in user without the right gets a 403 page, not a redirect that hides the status.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                // Refused authorizations are security events (ASVS 16.3.2): in the log, not the audit table.
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Observatoire.Authorization")
                    .LogWarning("Accès refusé à {UserId} sur {Method} {Path}", ctx.HttpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
                        ctx.Request.Method, ctx.Request.Path);
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<Mailer>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<InitialData>();
        return services;
    }
}
