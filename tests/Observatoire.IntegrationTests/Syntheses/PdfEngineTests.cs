using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observatoire.Web.Infrastructure;
using UglyToad.PdfPig;

namespace Observatoire.IntegrationTests.Syntheses;

public class PdfEngineTests : IAsyncLifetime
{
    private readonly PdfEngine engine = new(Options.Create(new PdfOptions()), NullLoggerFactory.Instance);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await engine.DisposeAsync();

    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join("\n", doc.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task A_document_is_printed_with_its_accents_and_page_numbers()
    {
        var html = """
            <html lang="fr"><head><meta charset="utf-8"><style>section { page-break-after: always; }</style></head>
            <body><section><h1>Synthèse — Rabière, éducation</h1></section><section><p>Deuxième page : ça marche !</p></section></body></html>
            """;

        var pdf = await engine.PrintAsync(new PrintableDocument(html, "SYN-2026-001"));

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = Text(pdf);
        Assert.All(["Synthèse", "Deuxième", "page 1 / 2", "page 2 / 2", "SYN-2026-001"], part => Assert.Contains(part, text));
    }

    [Fact]
    public async Task A_page_placeholder_receives_the_page_its_link_target_starts_on()
    {
        // Three pages of filler before "b", and "a" long enough to spill over two pages: only the print knows.
        var filler = string.Concat(Enumerable.Repeat("<p>Ligne de remplissage pour occuper la page.</p>", 70));
        var html = $"""
            <html lang="fr"><head><meta charset="utf-8"><style>.p {"{"} display: inline-block; width: 3em; {"}"} .c {"{"} break-before: page; {"}"}</style></head>
            <body><ul><li><a href="#a">Partie A</a> <span class="p" data-page-of="a"></span></li><li><a href="#b">Partie B</a> <span class="p" data-page-of="b"></span></li></ul>
            <section class="c" id="a"><h2>Partie A</h2>{filler}</section><section class="c" id="b"><h2>Partie B</h2><p>Fin.</p></section></body></html>
            """;

        var pdf = await engine.PrintAsync(new PrintableDocument(html, "sommaire"));

        using var doc = PdfDocument.Open(pdf);
        var first = doc.GetPage(1).Text;
        Assert.Contains("Partie A 2", first);
        var b = Enumerable.Range(1, doc.NumberOfPages).First(n => doc.GetPage(n).Text.Contains("Fin."));
        Assert.True(b > 3, $"B page {b}: the filler should take more than one page");
        Assert.Contains($"Partie B {b}", first);
    }

    [Fact]
    public async Task The_page_never_reaches_the_network()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var html = $"""<html><body><p>Image externe</p><img src="http://127.0.0.1:{port}/pixel.png"><link rel="stylesheet" href="http://127.0.0.1:{port}/x.css"></body></html>""";

        var pdf = await engine.PrintAsync(new PrintableDocument(html, "réseau"));

        Assert.Contains("Image externe", Text(pdf));
        Assert.False(listener.Pending(), "the page tried to connect to a server");
    }

    [Fact]
    public async Task Concurrent_documents_all_print()
    {
        var tasks = Enumerable.Range(1, 4).Select(i =>
            engine.PrintAsync(new PrintableDocument($"<html><body><p>Document {i}</p></body></html>", $"doc {i}"))).ToList();

        var pdfs = await Task.WhenAll(tasks);

        for (var i = 0; i < pdfs.Length; i++) Assert.Contains($"Document {i + 1}", Text(pdfs[i]));
    }

    [Fact]
    public async Task A_missing_chromium_is_said_in_french_with_what_to_install()
    {
        await using var broken = new PdfEngine(Options.Create(new PdfOptions { ChromiumPath = "/nonexistent/chromium" }), NullLoggerFactory.Instance);

        var e = await Assert.ThrowsAsync<PdfUnavailableException>(() => broken.PrintAsync(new PrintableDocument("<p>x</p>", "x")));

        Assert.Contains("apt-get install chromium", e.Message);
    }
}
