using System.Net.Http.Headers;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.IntegrationTests.Wiki;

public class AttachmentTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string slug, string fileName, byte[] content, string claimedType)
    {
        var form = await client.GetHtml($"/wiki/{slug}/fichiers");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        body.Add(file, "Upload", fileName);
        return await client.PostAsync($"/wiki/{slug}/fichiers", body);
    }

    [Fact]
    public async Task An_image_is_stored_and_served_inline_with_its_type_and_nosniff()
    {
        await Portal.Page("Atelier", "Photo : ![atelier](/wiki/atelier/fichiers/photo-atelier.png)");
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var upload = await Upload(client, "atelier", "Photo atelier.PNG", Png, "image/png");
        upload.AssertRedirectTo("/wiki/atelier/fichiers");

        using var served = await Portal.CreateClient().GetAsync("/wiki/atelier/fichiers/photo-atelier.png");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType ?? served.Headers.GetValues("Content-Disposition").Single().Split(';')[0]);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        var page = await Portal.CreateClient().GetHtml("/wiki/atelier");
        Assert.Equal("/wiki/atelier/fichiers/photo-atelier.png", page.QuerySelector(".wiki-content img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task A_document_is_served_as_a_download()
    {
        await Portal.Page("Atelier", "Texte");
        var client = await Portal.SignedInAs(Roles.Contributeur);
        using var _ = await Upload(client, "atelier", "compte-rendu.pdf", "%PDF-1.4\n%%EOF"u8.ToArray(), "application/pdf");

        using var served = await client.GetAsync("/wiki/atelier/fichiers/compte-rendu.pdf");

        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", served.Content.Headers.ContentDisposition?.ToString() ?? served.Headers.GetValues("Content-Disposition").Single());
    }

    [Theory]
    [InlineData("photo.png", "GIF89a n'est pas un png", "image/png")]
    [InlineData("dessin.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "image/svg+xml")]
    [InlineData("page.html", "<script>alert(1)</script>", "text/html")]
    [InlineData("note.txt", "\u0000\u0001binaire", "text/plain")]
    [InlineData("rapport.pdf", "<html>pas un pdf</html>", "application/pdf")]
    [InlineData("photo.PNG", "<html><script>alert(1)</script></html>", "image/png")]
    [InlineData("photo.png.html", "<script>alert(1)</script>", "image/png")]
    [InlineData("image.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "image/png")]
    public async Task A_file_whose_type_is_refused_or_does_not_match_its_content_is_rejected(string name, string content, string claimed)
    {
        await Portal.Page("Atelier", "Texte");
        var client = await Portal.SignedInAs(Roles.Contributeur);

        using var response = await Upload(client, "atelier", name, System.Text.Encoding.UTF8.GetBytes(content), claimed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est pas accepté", (await response.ReadHtml()).QuerySelector(".field-error")!.Text());
        Assert.Equal(0, await Portal.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.WikiAttachments)));
    }

    [Theory]
    [InlineData("installeur.exe")]
    [InlineData("photo.png.exe")]
    [InlineData("photo.exe.")]
    public async Task A_program_with_a_png_signature_is_rejected(string name)
    {
        await Portal.Page("Atelier", "Texte");
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var disguised = Png.Concat("MZ\u0090\u0000 programme"u8.ToArray()).ToArray();

        using var response = await Upload(client, "atelier", name, disguised, "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est pas accepté", (await response.ReadHtml()).QuerySelector(".field-error")!.Text());
        Assert.Equal(0, await Portal.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.WikiAttachments)));
    }

    /// <summary>200 MB of zeros in a few hundred kilobytes, with the entries Word or LibreOffice look for.</summary>
    private static byte[] ZipBomb(string kind)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                using var s = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest).Open();
                s.Write(content);
            }
            if (kind == "odt") Add("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray());
            else Add("[Content_Types].xml", "<Types/>"u8.ToArray());
            using var big = zip.CreateEntry(kind == "odt" ? "content.xml" : "word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++) big.Write(zeros);
        }
        return buffer.ToArray();
    }

    [Theory]
    [InlineData("rapport.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("rapport.odt", "odt", "application/vnd.oasis.opendocument.text")]
    public async Task A_zip_bomb_disguised_as_an_office_document_is_rejected_without_being_unpacked(string name, string kind, string claimed)
    {
        await Portal.Page("Atelier", "Texte");
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var bomb = ZipBomb(kind);
        Assert.True(bomb.Length < WikiFiles.MaxBytes, $"la bombe fait {bomb.Length} octets");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await Upload(client, "atelier", name, bomb, claimed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est pas accepté", (await response.ReadHtml()).QuerySelector(".field-error")!.Text());
        Assert.Equal(0, await Portal.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.WikiAttachments)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"refus en {watch.Elapsed.TotalSeconds:F1} s : l'archive a-t-elle été décompressée ?");
        await client.GetHtml("/wiki/atelier");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected()
    {
        await Portal.Page("Atelier", "Texte");
        var client = await Portal.SignedInAs(Roles.Contributeur);
        var big = new byte[WikiFiles.MaxBytes + 1];
        Png.CopyTo(big, 0);

        using var response = await Upload(client, "atelier", "grande.png", big, "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("taille maximale", (await response.ReadHtml()).QuerySelector(".field-error")!.Text());
    }

    [Fact]
    public async Task Files_of_a_members_only_page_are_not_served_to_visitors()
    {
        await Portal.Page("Interne", "Texte", visibility: WikiVisibility.Members);
        var client = await Portal.SignedInAs(Roles.Coordination);
        using var _ = await Upload(client, "interne", "photo.png", Png, "image/png");

        using var response = await Portal.CreateClient().GetAsync("/wiki/interne/fichiers/photo.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
