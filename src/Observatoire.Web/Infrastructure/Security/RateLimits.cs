using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// The portal's rate-limit policies, in one place. A page opts in with <c>[EnableRateLimiting(RateLimits.Search)]</c>
/// on its page model. Each client address (after forwarded headers) has its own fixed window; a refused request gets
/// the French 429 page. Limits are per instance (in memory): behind two instances a client may get up to twice as many.
/// Configuration: <c>Observatoire:RateLimits:Enabled</c>, and <c>Observatoire:RateLimits:{Login|PasswordReset|TwoFactor|SurveySubmit|Search|Setup}:{PermitLimit|WindowSeconds}</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Password sign-in attempts (POST /compte/connexion).</summary>
    public const string Login = "login";
    /// <summary>Reset and invitation e-mails asked for, and new passwords set from a link.</summary>
    public const string PasswordReset = "password-reset";
    /// <summary>Second sign-in step: authenticator and recovery codes.</summary>
    public const string TwoFactor = "two-factor";
    /// <summary>Survey answers sent (POST). Generous: a social centre's residents often share one address.</summary>
    public const string SurveySubmit = "survey-submit";
    /// <summary>Search requests, every method: full-text queries are the most expensive reads.</summary>
    public const string Search = "search";
    /// <summary>First-run setup forms sent (POST /installation): the token is unguessable, this keeps scripts from hammering it.</summary>
    public const string Setup = "setup";

    public const string Section = "Observatoire:RateLimits";

    /// <param name="SignedInExempt">Signed-in members are not limited (field workers typing paper forms in a row).</param>
    public sealed record Limit(string ConfigKey, int PermitLimit, int WindowSeconds, bool PostsOnly, bool SignedInExempt = false);

    /// <summary>Defaults; each can be overridden from configuration.</summary>
    public static readonly IReadOnlyDictionary<string, Limit> Defaults = new Dictionary<string, Limit>
    {
        [Login] = new("Login", 10, 60, PostsOnly: true),
        [PasswordReset] = new("PasswordReset", 5, 900, PostsOnly: true),
        [TwoFactor] = new("TwoFactor", 10, 60, PostsOnly: true),
        // Generous: a social centre's residents often answer from one shared address.
        [SurveySubmit] = new("SurveySubmit", 120, 60, PostsOnly: true, SignedInExempt: true),
        [Search] = new("Search", 60, 60, PostsOnly: false),
        [Setup] = new("Setup", 10, 900, PostsOnly: true),
    };

    public static IServiceCollection AddObservatoireRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var enabled = section.GetValue("Enabled", true);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("Limite de débit atteinte sur {Path} pour {Client}", context.HttpContext.Request.Path, ClientKey(context.HttpContext));
                return ValueTask.CompletedTask;
            };
            foreach (var (name, fallback) in Defaults)
            {
                var limit = fallback with
                {
                    PermitLimit = section.GetValue($"{fallback.ConfigKey}:PermitLimit", fallback.PermitLimit),
                    WindowSeconds = section.GetValue($"{fallback.ConfigKey}:WindowSeconds", fallback.WindowSeconds),
                };
                o.AddPolicy(name, context =>
                    !enabled || limit.PostsOnly && !HttpMethods.IsPost(context.Request.Method)
                    || limit.SignedInExempt && context.User.Identity?.IsAuthenticated == true
                        ? RateLimitPartition.GetNoLimiter("")
                        : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limit.PermitLimit,
                            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            }
        });
        return services;
    }

    /// <summary>The client's address as the forwarded-headers middleware resolved it (nginx's X-Forwarded-For).</summary>
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
}
