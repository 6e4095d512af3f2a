using Microsoft.AspNetCore.StaticAssets;

namespace Observatoire.Web.Infrastructure;

/// <summary>Stylesheets, scripts and icons, served by <c>MapStaticAssets</c> the same way from a build or a publish.</summary>
public static class StaticAssets
{
    /// <summary>
    /// A build (<c>dotnet build</c>, <c>dotnet run</c>) leaves the compressed copies (<c>site.css.gz</c>) under
    /// <c>obj/</c> and says where in <c>Observatoire.Web.staticwebassets.runtime.json</c>, a manifest ASP.NET reads by
    /// itself in Development only. Elsewhere MapStaticAssets still sends « site.css, gzip » to <c>site.css.gz</c>,
    /// absent from wwwroot, and answers 200 with an empty body: every page unstyled. A published folder has the
    /// compressed files in its wwwroot and no such manifest, so this changes nothing there.
    /// </summary>
    public static WebApplicationBuilder AddObservatoireStaticAssets(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
            builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>
    /// Whether every file the static asset endpoints send exists in the web root; if not, says in French what to do
    /// and returns false. A published portal started from another folder than its own (a systemd unit without
    /// WorkingDirectory) would otherwise answer every stylesheet with an empty body, and say nothing.
    /// Call after the pipeline is mapped.
    /// </summary>
    public static bool HasItsStaticAssets(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        var missing = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>()?.AssetPath)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Where(path => !files.GetFileInfo(path).Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count == 0) return true;

        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Observatoire.StaticAssets").LogCritical(
            "Fichiers du site introuvables dans {WebRoot} ({Count}, dont {First}) : les pages seraient servies sans mise en forme. "
            + "Lancez le portail publié depuis son propre dossier (dotnet publish -c Release -o /opt/observatoire, puis "
            + "cd /opt/observatoire, ou WorkingDirectory=/opt/observatoire dans l'unité systemd), ou donnez ce dossier "
            + "avec --contentRoot. Voir docs/deploy.md.",
            app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), missing.Count, missing[0]);
        return false;
    }
}
