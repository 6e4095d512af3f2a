namespace Observatoire.Web.Pages.Syntheses;

/// <summary>Services of the PDF syntheses: the one PDF engine (headless Chromium), the printer that feeds it, and the « données modifiées depuis » notices.</summary>
public static class SynthesisServices
{
    public static IServiceCollection AddObservatoireSyntheses(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section))
            .AddSingleton<PdfEngine>()
            .AddScoped<SynthesisPrinter>()
            // Syntheses store slugs of territories, themes and audiences: a merge renames them there.
            .AddScoped<IMergeFollower, SynthesisMergeFollower>()
            .AddScoped<Notifications.INotificationSource, SynthesisNotices>();
}
