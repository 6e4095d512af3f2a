using Microsoft.AspNetCore.Identity;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;

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

/// <summary>Identity's messages, in French.</summary>
public class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Une erreur inconnue s'est produite. Réessayez.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Ce compte a été modifié entre-temps. Rechargez la page et recommencez.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mot de passe incorrect.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Cette connexion est déjà associée à un compte.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"L'identifiant « {userName} » n'est pas valide : lettres, chiffres et « @ . - _ » seulement.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"L'adresse « {email} » n'est pas une adresse e-mail valide.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Un compte existe déjà pour « {userName} ».");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Un compte existe déjà avec l'adresse « {email} ».");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Le rôle « {role} » n'existe pas.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Le rôle « {role} » existe déjà.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Ce compte a déjà le rôle « {role} ».");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Ce compte n'a pas le rôle « {role} ».");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {length} caractères.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Code de récupération invalide.");
}
