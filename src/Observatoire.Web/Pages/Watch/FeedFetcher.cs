using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Pages.Watch;

/// <summary>
/// Reads the active feed sources into "to review" watch items. Only one portal instance reads at a time
/// (PostgreSQL advisory lock); each reading is bounded in size and time, refuses private and loopback
/// addresses (checked on every connection, so also after redirects and DNS changes), and records its error
/// on the source instead of throwing.
/// </summary>
public class FeedFetcher(IServiceScopeFactory scopes, IOptions<WatchOptions> options, ILogger<FeedFetcher> log, TimeProvider clock)
{
    /// <summary>Key of the advisory lock held while reading feeds ("veille" in ASCII).</summary>
    public const long LockKey = 0x7665696C6C65;

    public record SourceResult(int Imported, string? Error);

    /// <summary>Reads every active source not read for an interval. False when another instance holds the lock.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        // The lock belongs to the session: keep one connection open from taking it to releasing it.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(ct);
            if (!locked) return false;
            try
            {
                var dueBefore = clock.GetUtcNow().UtcDateTime.AddMinutes(-Math.Max(1, options.Value.FetchIntervalMinutes));
                var due = await db.FeedSources.AsNoTracking()
                    .Where(s => s.IsActive && (s.LastFetchedAt == null || s.LastFetchedAt < dueBefore))
                    .OrderBy(s => s.LastFetchedAt).Select(s => s.Id).ToListAsync(ct);
                foreach (var id in due)
                    await FetchAsync(id, ct);
                return true;
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads one source now and imports its new entries; errors are stored on the source and returned.</summary>
    public async Task<SourceResult> FetchAsync(int sourceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var source = await db.FeedSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sourceId, ct);
        if (source is null) return new SourceResult(0, "Source introuvable.");
        var now = clock.GetUtcNow().UtcDateTime;
        int imported = 0;
        string? error = null;
        try
        {
            var download = await DownloadAsync(source, ct);
            if (download is not null)
            {
                using var stream = new MemoryStream(download.Body, writable: false);
                var entries = FeedReader.Parse(stream, new Uri(source.Url));
                foreach (var e in entries)
                {
                    // The unique index on (source, guid) makes a second reading, by any instance, a no-op.
                    imported += await db.Database.ExecuteSqlAsync($"""
                        INSERT INTO "WatchItems" ("Url", "Title", "Note", "Status", "SourceId", "Guid", "CreatedAt")
                        VALUES ({e.Url}, {e.Title}, {e.Summary}, {nameof(WatchStatus.ToReview)}, {source.Id}, {e.Guid}, {now})
                        ON CONFLICT ("SourceId", "Guid") DO NOTHING
                        """, ct);
                }
                // Validators only once the feed was read: a broken feed is downloaded again next time, not answered 304.
                await db.FeedSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.ETag, download.ETag).SetProperty(s => s.LastModified, download.LastModified), ct);
            }
        }
        catch (FeedException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"Le site n'a pas répondu en {options.Value.TimeoutSeconds} secondes.";
        }
        catch (HttpRequestException e)
        {
            error = e.InnerException is FeedException refused ? refused.Message : "Le site est injoignable : " + e.Message;
        }
        catch (IOException e)
        {
            error = "La lecture du flux a été interrompue : " + e.Message;
        }
        if (error is not null) log.LogWarning("Veille : lecture de {Url} échouée : {Error}", source.Url, error);
        // Set in one statement, not through the tracked row: a reading started by hand may overlap the background one.
        var stored = error is null ? null : error.Length <= 1000 ? error : error[..1000];
        await db.FeedSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LastFetchedAt, now)
            .SetProperty(s => s.LastError, stored)
            .SetProperty(s => s.ItemsImported, s => s.ItemsImported + imported), CancellationToken.None);
        return new SourceResult(imported, error);
    }

    private record Download(byte[] Body, string? ETag, string? LastModified);

    /// <summary>The feed's bytes, or null when unchanged since the last reading (304).</summary>
    private async Task<Download?> DownloadAsync(FeedSource source, CancellationToken ct)
    {
        var o = options.Value;
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new FeedException("L'adresse du flux doit commencer par http:// ou https://.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        using var http = CreateClient(o);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd("Observatoire-Veille/1.0");
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        if (source.ETag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", source.ETag);
        if (source.LastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", source.LastModified);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotModified) return null;
        if (!response.IsSuccessStatusCode)
            throw new FeedException($"Le site a répondu {(int)response.StatusCode} ({response.ReasonPhrase}).");
        if (response.Content.Headers.ContentLength > o.MaxFeedBytes)
            throw new FeedException(TooLarge(o));
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > o.MaxFeedBytes) throw new FeedException(TooLarge(o));
            buffer.Write(chunk, 0, read);
        }
        return new Download(buffer.ToArray(), Header(response, "ETag", 300), Header(response, "Last-Modified", 100));
    }

    private static string TooLarge(WatchOptions o) => $"Le flux dépasse {o.MaxFeedBytes / 1024 / 1024.0:0.#} Mo : il n'a pas été lu.";

    private static string? Header(HttpResponseMessage response, string name, int max) =>
        response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v)
            ? v.FirstOrDefault() is { Length: > 0 } s && s.Length <= max ? s : null
            : null;

    private static HttpClient CreateClient(WatchOptions o)
    {
        var handler = new SocketsHttpHandler
        {
            // A proxy would connect on our behalf and bypass the address check below.
            UseProxy = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(o.TimeoutSeconds),
            // Every connection, including those of redirects, resolves the name itself and connects only to checked addresses.
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                if (addresses.Length == 0) throw new FeedException($"Le nom « {host} » ne correspond à aucune adresse.");
                if (!o.AllowPrivateAddresses && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
                    throw new FeedException($"L'adresse {refused} de « {host} » est privée ou locale : le portail refuse de la lire.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>False for loopback, private, link-local, shared, multicast and reserved addresses (IPv4 and IPv6).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                     || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // shared address space (CGNAT)
                     || (b[0] == 169 && b[1] == 254)                 // link-local, cloud metadata
                     || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                     || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                     || (b[0] == 198 && (b[1] == 18 || b[1] == 19))  // benchmarking
                     || b[0] >= 224);                                // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv4MappedToIPv6) return false;
            var b = address.GetAddressBytes();
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false; // documentation
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false; // NAT64 can reach IPv4 private ranges
            return true;
        }
        return false;
    }
}

/// <summary>Reads the feeds every <see cref="WatchOptions.FetchIntervalMinutes"/>; a failed round is logged and retried next time.</summary>
public class FeedFetcherService(FeedFetcher fetcher, IOptions<WatchOptions> options, ILogger<FeedFetcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.FetchIntervalMinutes;
        if (minutes <= 0) return;
        // Let start-up (migrations, demo data) finish before the first round.
        try { await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken); }
        catch (OperationCanceledException) { return; }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Min(minutes, 5)));
        do
        {
            try
            {
                await fetcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Veille : la lecture des flux a échoué ; nouvel essai au prochain tour.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
