using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Observatoire.Web.Infrastructure;

public static class WebExtensions
{
    public static WebApplicationBuilder AddObservatoireLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Structured logs (one JSON object a line) outside Development, readable lines inside it.
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                // French messages read as written in journalctl (« publié », not « publi\u00E9 »); quotes and control
                // characters are still escaped, so a line stays one JSON object.
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        return builder;
    }

    /// <summary>Razor Pages with French binding messages, antiforgery, the French culture and the clock.</summary>
    public static IServiceCollection AddObservatoireWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.Conventions.AddPageRoute("/Errors/Status", "/erreur/{code:int}");
                // Old slugs of themes, audiences and territories in a filter's query string lead to the current ones.
                o.Conventions.ConfigureFilter(new ReferenceSlugRedirect());
                // Every posted field keeps what was typed or is refused next to the field (non-characters, controls, bidi).
                o.Conventions.ConfigureFilter(new UserTextFilter());
            })
            .AddMvcOptions(o => FrenchMessages.Apply(o.ModelBindingMessageProvider));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "observatoire.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        // One clock for every feature, replaced by a fake one in tests.
        services.TryAddSingleton(TimeProvider.System);
        services.AddRequestLocalization(o =>
        {
            var fr = French.Culture;
            o.DefaultRequestCulture = new RequestCulture(fr);
            o.SupportedCultures = [fr];
            o.SupportedUICultures = [fr];
            o.RequestCultureProviders.Clear();
        });
        return services;
    }

    public static WebApplication UseObservatoirePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur/500");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseMiddleware<DatabaseUnavailable>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseRouting();
        // After routing (it reads the page's endpoint), before authentication (a re-run on the primary redoes it).
        if (app.Services.GetService<ReplicaStatus>() is not null)
            app.UseMiddleware<ReplicaReads>();
        app.UseAuthentication();
        app.UseRateLimiter();
        // After the rate limiter: a refused request's body (up to 4 MB) is never read.
        app.UseMiddleware<FormNulCharacters>();
        app.UseMiddleware<StaffTwoFactor>();
        app.UseAuthorization();
        // After authentication: the cache serves only requests without a signed-in user.
        app.UseOutputCache();
        // Browsers, feed readers and bookmarks still ask for /favicon.ico without reading the page's icon link.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            // Degraded (the portal serves, one part works less well: the search without its dictionary) answers 200.
            statut = report.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "dégradé", _ => "en panne" },
            verifications = report.Entries.Select(e => new { nom = e.Key, statut = e.Value.Status.ToString(), message = e.Value.Description }),
        }));
    }
}
