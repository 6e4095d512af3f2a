using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Observatoire.Web.Infrastructure;

public class PdfOptions
{
    public const string Section = "Observatoire:Pdf";
    /// <summary>Debian's Chromium; never a downloaded browser.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    /// <summary>Documents printed at once; further requests wait their turn instead of exhausting memory.</summary>
    public int MaxConcurrentDocuments { get; set; } = 2;
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Said in French to the user when no PDF can be printed.</summary>
public class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A document to print: full HTML (styles inline in &lt;style&gt;, images as data: URIs) and its footer.</summary>
public record PrintableDocument(string Html, string FooterText);

/// <summary>
/// The only class that knows the PDF engine: HTML printed by headless Chromium through PuppeteerSharp.
/// One browser per process, one page per document, a bounded number of documents at once, the browser
/// restarted if it dies, and no request ever leaves the page (everything it needs is inline).
/// </summary>
public sealed class PdfEngine(IOptions<PdfOptions> options, ILoggerFactory loggers) : IAsyncDisposable
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

    private async Task<byte[]> PrintOnceAsync(PrintableDocument document, CancellationToken ct)
    {
        var b = await BrowserAsync(ct);
        await using var page = await b.NewPageAsync();
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
        await page.SetContentAsync(document.Html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] });
        ct.ThrowIfCancellationRequested();
        return await page.PdfDataAsync(new PuppeteerSharp.PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            Outline = true,
            Tagged = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = Footer(document.FooterText),
            MarginOptions = new MarginOptions { Top = "18mm", Bottom = "20mm", Left = "16mm", Right = "16mm" },
        });
    }

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

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        documents.Dispose();
        launch.Dispose();
    }
}
