using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Observatoire.Web.Infrastructure;

namespace Observatoire.Web.Pages.Enquetes;

/// <summary>
/// Slows down bots posting answers: a token bucket per client IP address, in memory. The address is used
/// for this count only and never stored. Signed-in field workers (assisted entry of paper forms) are not limited.
/// </summary>
public static class SurveyLimits
{
    public const string Policy = "reponses-enquete";

    public static IServiceCollection AddObservatoireSurveys(this IServiceCollection services)
    {
        services.AddSingleton<Suppression>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)
                    || context.User.Identity?.IsAuthenticated == true
                    || context.Connection.RemoteIpAddress is not { } ip)
                    return RateLimitPartition.GetNoLimiter("");
                var perMinute = context.RequestServices.GetRequiredService<IOptions<ObservatoireOptions>>().Value.SurveyPostsPerMinute;
                return RateLimitPartition.GetTokenBucketLimiter(ip.ToString(), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }
}
