using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Observatoire.IntegrationTests.Foundation;

/// <summary>
/// The portal here runs from the build output outside Development, as <c>dotnet run -c Release</c> in Production
/// does; scripts/published.sh checks the published folder the same way.
/// </summary>
public class StaticAssetsTests(PortalFixture portal) : PortalTest(portal)
{
    public static TheoryData<string> WebRootFiles()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "Observatoire.Web", "wwwroot");
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        return files;
    }

    [Theory]
    [MemberData(nameof(WebRootFiles))]
    public async Task A_file_asked_with_gzip_comes_compressed_and_decompresses_to_the_file(string path)
    {
        using var client = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + path);
        request.Headers.Add("Accept-Encoding", "gzip, br");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentType(path), response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(body);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Assert.Contains(encoding, new[] { "gzip", "br" });
        var expected = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "src", "Observatoire.Web", "wwwroot", path));
        Assert.Equal(expected, Decode(body, encoding));
    }

    [Fact]
    public async Task The_old_favicon_address_leads_to_the_icon()
    {
        using var client = Portal.CreateClient();
        using var response = await client.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/favicon.svg", response.Headers.Location!.OriginalString);
        using var icon = await client.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_portal_refuses_to_start_and_says_what_to_do_in_French_when_its_web_root_lacks_the_files()
    {
        var logs = new ConcurrentQueue<string>();
        var empty = Directory.CreateTempSubdirectory("observatoire-wwwroot-");
        try
        {
            // A published portal started from another folder than its own: no build manifest, a web root without the files.
            // The check comes before the database, which need not exist.
            await using var factory = new PortalFactory($"Host=127.0.0.1;Port={TestPostgres.FreeTcpPort()};Database=obs;Username=postgres;Timeout=5",
                new Dictionary<string, string?>
                {
                    [WebHostDefaults.StaticWebAssetsKey] = Path.Combine(empty.FullName, "absent.staticwebassets.runtime.json"),
                    [WebHostDefaults.WebRootKey] = empty.FullName,
                    ["Logging:LogLevel:Microsoft"] = "None",
                }).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new Collector(logs))));

            var failure = Record.Exception(() => factory.CreateClient());

            Assert.NotNull(failure);
            Assert.Contains(logs, line => line.Contains("Fichiers du site introuvables") && line.Contains("WorkingDirectory=/opt/observatoire"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".css" => "text/css",
        ".js" => "text/javascript",
        ".svg" => "image/svg+xml",
        var other => throw new InvalidOperationException($"Type de fichier à ajouter au test : {other}"),
    };

    private static byte[] Decode(byte[] body, string? encoding)
    {
        if (encoding is null) return body;
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Content-Encoding inattendu : {encoding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln"))) return dir.FullName;
        throw new InvalidOperationException("Racine du dépôt (Observatoire.sln) introuvable.");
    }

    private sealed class Collector(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Critical;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => lines.Enqueue(formatter(state, exception));
    }
}
