using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Observatoire.Web.Pages.Watch;

namespace Observatoire.IntegrationTests.Watch;

/// <summary>The feed reader against a real HTTP server on 127.0.0.1 serving good, broken, huge and slow feeds.</summary>
public class FeedFetcherTests(PortalFixture portal) : PortalTest(portal), IAsyncLifetime
{
    private WebApplication _server = null!;
    private string _base = "";
    private int _requests;

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Veille numérique</title>
          <item><title>Un atelier CV</title><link>https://exemple.fr/cv</link><guid>cv</guid><description>Atelier &lt;b&gt;CV&lt;/b&gt;</description></item>
          <item><title>Une carte uMap</title><link>https://exemple.fr/umap</link><guid>umap</guid></item>
          <item><title>Le Pass numérique</title><link>https://exemple.fr/pass</link></item>
        </channel></rss>
        """;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Portal.ResetAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Use((context, next) => { Interlocked.Increment(ref _requests); return next(context); });
        _server.MapGet("/rss", () => Results.Text(Rss, "application/rss+xml"));
        _server.MapGet("/atom", () => Results.Text("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><id>urn:1</id><title>Entrée Atom</title><link href="https://exemple.fr/atom-1"/></entry>
            </feed>
            """, "application/atom+xml"));
        _server.MapGet("/malformed", () => Results.Text("<rss><channel><item><title>pas fermé", "application/rss+xml"));
        _server.MapGet("/html", () => Results.Text("<!DOCTYPE html><html><body>Erreur 500 du CMS</body></html>", "text/html"));
        _server.MapGet("/error", () => Results.StatusCode(503));
        _server.MapGet("/huge", async (HttpContext context) =>
        {
            // Streamed without a length: the reader must stop by counting, not trust a header.
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>");
            var item = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
                await context.Response.Body.WriteAsync(item, context.RequestAborted);
        });
        _server.MapGet("/huge-declared", (HttpContext context) =>
        {
            context.Response.ContentLength = 50_000_000;
            context.Response.ContentType = "application/rss+xml";
            return context.Response.WriteAsync("<rss>");
        });
        _server.MapGet("/slow", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        await _server.StartAsync();
        _base = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    async Task IAsyncLifetime.DisposeAsync() => await _server.DisposeAsync();

    private FeedFetcher Fetcher(bool allowPrivate = true, int timeoutSeconds = 10) => new(
        Portal.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new WatchOptions { AllowPrivateAddresses = allowPrivate, TimeoutSeconds = timeoutSeconds, FetchIntervalMinutes = 60 }),
        NullLogger<FeedFetcher>.Instance, TimeProvider.System);

    private Task<int> Source(string path, string? host = null) => Portal.Db(async db =>
    {
        var source = new FeedSource { Name = path, Url = (host is null ? _base : $"http://{host}:{new Uri(_base).Port}") + path, CreatedAt = DateTime.UtcNow };
        db.FeedSources.Add(source);
        await db.SaveChangesAsync();
        return source.Id;
    });

    private Task<List<WatchItem>> Items() => Portal.Db(db => db.WatchItems.AsNoTracking().OrderBy(w => w.Id).ToListAsync());

    [Fact]
    public async Task A_feed_is_read_into_items_to_review_and_reading_it_again_adds_no_duplicate()
    {
        var rss = await Source("/rss");
        var atom = await Source("/atom");
        var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(rss, default);
        var again = await Task.WhenAll(fetcher.FetchAsync(rss, default), fetcher.FetchAsync(rss, default));
        await fetcher.FetchAsync(atom, default);

        Assert.Equal(new FeedFetcher.SourceResult(3, null), first);
        Assert.All(again, r => Assert.Equal(new FeedFetcher.SourceResult(0, null), r));
        var items = await Items();
        Assert.Equal(["Un atelier CV", "Une carte uMap", "Le Pass numérique", "Entrée Atom"], items.Select(i => i.Title));
        Assert.All(items, i => Assert.Equal(WatchStatus.ToReview, i.Status));
        Assert.Equal("Atelier CV", items[0].Note);
        Assert.Equal("https://exemple.fr/pass", items[2].Guid);
        var source = await Portal.Db(db => db.FeedSources.SingleAsync(s => s.Id == rss));
        Assert.Null(source.LastError);
        Assert.NotNull(source.LastFetchedAt);
        Assert.Equal(3, source.ItemsImported);
    }

    [Theory]
    [InlineData("/malformed", "XML valide")]
    [InlineData("/html", "ni un flux RSS ni un flux Atom")]
    [InlineData("/error", "503")]
    [InlineData("/huge", "dépasse 2 Mo")]
    [InlineData("/huge-declared", "dépasse 2 Mo")]
    public async Task A_broken_or_oversized_feed_is_recorded_as_an_error_without_crashing(string path, string message)
    {
        var id = await Source(path);

        var result = await Fetcher().FetchAsync(id, default);

        Assert.Equal(0, result.Imported);
        Assert.Contains(message, result.Error);
        Assert.Contains(message, await Portal.Db(db => db.FeedSources.Where(s => s.Id == id).Select(s => s.LastError).SingleAsync()));
        Assert.Empty(await Items());
    }

    [Fact]
    public async Task A_slow_feed_is_abandoned_at_the_time_limit()
    {
        var id = await Source("/slow");
        var clock = Stopwatch.StartNew();

        var result = await Fetcher(timeoutSeconds: 1).FetchAsync(id, default);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Lecture abandonnée après {clock.Elapsed}.");
        Assert.Contains("n'a pas répondu en 1 secondes", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("localhost")]
    public async Task Loopback_addresses_are_refused_unless_allowed_for_tests(string? host)
    {
        var id = await Source("/rss", host);

        var result = await Fetcher(allowPrivate: false).FetchAsync(id, default);

        Assert.Contains("privée ou locale", result.Error);
        Assert.Equal(0, _requests);
        Assert.Empty(await Items());
    }

    [Fact]
    public async Task Only_one_instance_reads_feeds_at_a_time()
    {
        var id = await Source("/rss");
        var fetcher = Fetcher();
        await using (var other = new NpgsqlConnection(Portal.ConnectionString))
        {
            // Another portal instance is reading.
            await other.OpenAsync();
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({FeedFetcher.LockKey})", other))
                await command.ExecuteScalarAsync();

            Assert.False(await fetcher.RunOnceAsync(default));
            Assert.Null(await Portal.Db(db => db.FeedSources.Where(s => s.Id == id).Select(s => s.LastFetchedAt).SingleAsync()));
            // A pooled connection outlives Dispose: release the session lock as the other instance would.
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({FeedFetcher.LockKey})", other);
            await unlock.ExecuteScalarAsync();
        }

        Assert.True(await fetcher.RunOnceAsync(default));
        Assert.Equal(3, (await Items()).Count);
        // Read a moment ago: not due again.
        Assert.True(await fetcher.RunOnceAsync(default));
        Assert.Equal(1, _requests);
    }
}
