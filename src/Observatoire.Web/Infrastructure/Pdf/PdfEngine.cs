using System.Diagnostics;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Tokens;

namespace Observatoire.Web.Infrastructure;

/// <summary>Said in French to the user when no PDF can be printed.</summary>
public class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A document to print: full HTML (styles inline in &lt;style&gt;, images as data: URIs) and its footer. An element
/// with <c>data-page-of="ID"</c> receives the number of the page where the element <c>id="ID"</c> starts (what CSS
/// <c>target-counter()</c> would do, which Chromium lacks): it must be empty and of fixed width, so that the numbers
/// arriving do not move the pages. The page is read from the link to <c>#ID</c> that the document must also hold
/// (a table of contents does). The header text, if any, is printed in the top margin of every page.
/// </summary>
public record PrintableDocument(string Html, string FooterText, string? HeaderText = null);

/// <summary>
/// The only class that knows the PDF engine: HTML printed by headless Chromium through PuppeteerSharp.
/// One browser per process, one page per document, a bounded number of documents at once, the browser
/// restarted if it dies, and no request ever leaves the page (everything it needs is inline).
/// </summary>
public sealed partial class PdfEngine(IOptions<PdfOptions> options, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ILogger log = loggers.CreateLogger<PdfEngine>();
    private readonly SemaphoreSlim documents = new(Math.Max(1, options.Value.MaxConcurrentDocuments));
    private readonly SemaphoreSlim launch = new(1, 1);
    private IBrowser? browser;

    public async Task<byte[]> PrintAsync(PrintableDocument document, CancellationToken ct = default)
    {
        await documents.WaitAsync(ct);
        try
        {
            return await PrintOnceAsync(document, ct);
        }
        catch (Exception e) when (e is TargetClosedException or ProcessException or NavigationException)
        {
            // The browser died under us: start a new one and try this document once more.
            log.LogWarning("Chromium s'est arrêté pendant l'impression ({Reason}) : redémarrage.", e.Message);
            await ResetAsync();
            return await PrintOnceAsync(document, ct);
        }
        finally
        {
            documents.Release();
        }
    }

    /// <summary>
    /// Chromium has no <c>target-counter()</c>: a document with <c>data-page-of</c> placeholders is laid out and printed
    /// once to measure, the page each target landed on is read from the link annotations Chromium writes, the numbers
    /// are put in the loaded page, and it is printed again. That print is checked the same way; if a number moved
    /// (the numbers changed the layout after all) a third print uses the new ones, and a still different result is
    /// logged and kept.
    /// </summary>
    private async Task<byte[]> PrintOnceAsync(PrintableDocument document, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var page = await OpenPageAsync(ct);
        await page.SetContentAsync(document.Html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] });
        ct.ThrowIfCancellationRequested();
        var targets = PageOf().Matches(document.Html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (targets.Count == 0) return await page.PdfDataAsync(Options(document, measureOnly: false));

        // The measuring print has no tags, outline or footer: they do not change the layout, and cost time.
        var pages = TargetPages(await page.PdfDataAsync(Options(document, measureOnly: true)), targets);
        var measured = watch.ElapsedMilliseconds;
        for (var pass = 2; ; pass++)
        {
            ct.ThrowIfCancellationRequested();
            // Evaluated through the DevTools protocol: the page's own scripts stay disabled.
            await page.EvaluateFunctionAsync("""
                pages => { for (const e of document.querySelectorAll('[data-page-of]')) e.textContent = pages[e.getAttribute('data-page-of')] ?? ''; }
                """, pages);
            var pdf = await page.PdfDataAsync(Options(document, measureOnly: false));
            var check = TargetPages(pdf, targets);
            var moved = targets.Where(id => pages.GetValueOrDefault(id) != check.GetValueOrDefault(id)).ToList();
            if (moved.Count == 0)
            {
                log.LogDebug("PDF paginé en {Passes} impressions : mesure {Measure} ms, total {Total} ms.", pass, measured, watch.ElapsedMilliseconds);
                return pdf;
            }
            var detail = string.Join(", ", moved.Select(id => $"{id} {pages.GetValueOrDefault(id)} → {check.GetValueOrDefault(id)}"));
            if (pass >= 3)
            {
                log.LogWarning("Numéros de page encore déplacés après {Passes} impressions ({Moved}) : document gardé tel quel.", pass, detail);
                return pdf;
            }
            log.LogWarning("Numéros de page déplacés par l'impression {Pass} ({Moved}) : nouvelle impression.", pass, detail);
            pages = check;
        }
    }

    /// <summary>
    /// Where each target is: the link annotations Chromium writes for <c>href="#id"</c> keep the id as their named
    /// destination (/Dest /id), which PdfPig resolves to a page. Pages are read from the start until every target is
    /// found (the contents are near the start), so the rest of the document is not parsed.
    /// </summary>
    public static IReadOnlyDictionary<string, int> TargetPages(byte[] pdf, IReadOnlyCollection<string> targets)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        for (var n = 1; n <= doc.NumberOfPages && found.Count < targets.Count; n++)
            foreach (var annotation in doc.GetPage(n).GetAnnotations())
            {
                if (annotation.Type != AnnotationType.Link || annotation.Action is not AbstractGoToAction { Destination: { } destination }) continue;
                if (!annotation.AnnotationDictionary.TryGet(NameToken.Dest, out var dest)) continue;
                var id = dest switch { NameToken name => name.Data, StringToken text => text.Data, _ => null };
                if (id is not null && targets.Contains(id)) found.TryAdd(id, destination.PageNumber);
            }
        return found;
    }

    private async Task<IPage> OpenPageAsync(CancellationToken ct)
    {
        var b = await BrowserAsync(ct);
        var page = await b.NewPageAsync();
        try
        {
            page.DefaultTimeout = options.Value.TimeoutSeconds * 1000;
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetRequestInterceptionAsync(true);
            page.Request += async (_, e) =>
            {
                // Only the document itself and inline data: resources load; the page never reaches the network.
                var url = e.Request.Url;
                if (url.StartsWith("data:", StringComparison.Ordinal) || url == "about:blank")
                    await e.Request.ContinueAsync();
                else
                    await e.Request.AbortAsync();
            };
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    /// <summary>The margins, hence the layout, are the same for a measuring pass and for the document itself.</summary>
    private static PuppeteerSharp.PdfOptions Options(PrintableDocument document, bool measureOnly) => new()
    {
        Format = PaperFormat.A4,
        PrintBackground = true,
        DisplayHeaderFooter = !measureOnly,
        Outline = !measureOnly,
        Tagged = !measureOnly,
        HeaderTemplate = document.HeaderText is null ? "<span></span>" : Header(document.HeaderText),
        FooterTemplate = Footer(document.FooterText),
        MarginOptions = new MarginOptions { Top = "18mm", Bottom = "20mm", Left = "16mm", Right = "16mm" },
    };

    /// <summary>Inside the top margin, so the layout (hence the measured pages) is the same with or without it.</summary>
    private static string Header(string text) =>
        "<div style=\"font-family: 'DejaVu Sans', sans-serif; font-size: 8px; color: #555; width: 100%; padding: 0 16mm;\">"
        + $"<span>{System.Net.WebUtility.HtmlEncode(text)}</span></div>";

    /// <summary>Chromium fills pageNumber and totalPages; the text is HTML-encoded here.</summary>
    private static string Footer(string text) =>
        "<div style=\"font-family: 'DejaVu Sans', sans-serif; font-size: 8px; color: #555; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;\">"
        + $"<span>{System.Net.WebUtility.HtmlEncode(text)}</span>"
        + "<span>page <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>";

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true }) return browser;
        await launch.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true }) return browser;
            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
                throw new PdfUnavailableException(
                    $"Le moteur PDF (Chromium) est introuvable à {path}. Installez le paquet Debian « chromium » (apt-get install chromium), puis réessayez.");
            try
            {
                browser = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args =
                    [
                        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--font-render-hinting=none",
                    ],
                    Timeout = options.Value.TimeoutSeconds * 1000,
                }, loggers);
            }
            catch (Exception e) when (e is ProcessException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
            {
                throw new PdfUnavailableException(
                    "Le moteur PDF (Chromium) n'a pas pu démarrer. Vérifiez que le paquet « chromium » est installé et fonctionne, puis réessayez.", e);
            }
            return browser;
        }
        finally
        {
            launch.Release();
        }
    }

    private async Task ResetAsync()
    {
        var old = browser;
        browser = null;
        if (old is not null)
        {
            try { await old.CloseAsync(); } catch (Exception e) when (e is PuppeteerException or IOException) { }
            await old.DisposeAsync();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("data-page-of=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex PageOf();

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        documents.Dispose();
        launch.Dispose();
    }
}
