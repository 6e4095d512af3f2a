using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Administrateur and Coordination accounts must use two-factor authentication: once signed in with a password only,
/// every page but enrolment, sign-out, error pages, health and static files sends them to the enrolment page.
/// Off with <c>Observatoire:Security:RequireTwoFactorForStaff=false</c>.
/// </summary>
public class StaffTwoFactor(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string EnrolmentPath = "/compte/double-authentification/activer";

    private static readonly PathString[] Open =
    [
        "/compte/double-authentification", "/compte/connexion", "/compte/connexion-2fa", "/compte/connexion-recuperation",
        "/compte/deconnexion", "/erreur", "/healthz",
    ];

    public Task Invoke(HttpContext context)
    {
        if (!options.CurrentValue.RequireTwoFactorForStaff || !MustEnrol(context.User) || IsOpen(context))
            return next(context);
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(HttpMethods.IsGet(context.Request.Method)
            ? $"{EnrolmentPath}?ReturnUrl={Uri.EscapeDataString(back)}"
            : EnrolmentPath);
        return Task.CompletedTask;
    }

    private static bool MustEnrol(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsCoordination() && !user.HasClaim(c => c.Type == ObservatoireClaims.TwoFactor);

    private static bool IsOpen(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
