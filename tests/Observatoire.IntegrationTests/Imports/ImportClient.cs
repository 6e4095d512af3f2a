using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;

namespace Observatoire.IntegrationTests.Imports;

/// <summary>The steps of an import as a user takes them: upload on the kind's page, then the forms of the import's page.</summary>
public static class ImportClient
{
    /// <summary>A CSV as people save it from a French spreadsheet: « ; » between cells.</summary>
    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static async Task<HttpResponseMessage> Upload(this HttpClient client, string kind, string fileName, byte[] content)
    {
        var form = await client.GetHtml($"/import/{kind}");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("Le formulaire d'envoi n'a pas de jeton antiforgery.");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(file, "Upload", fileName);
        return await client.PostAsync($"/import/{kind}", body);
    }

    /// <summary>Uploads and returns the import's page address (/import/lots/N).</summary>
    public static async Task<string> UploadOk(this HttpClient client, string kind, string fileName, byte[] content)
    {
        using var response = await client.Upload(kind, fileName, content);
        if (response.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"Envoi refusé ({(int)response.StatusCode}) : {(await response.ReadHtml()).QuerySelector(".field-error")?.Text()}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Clicks « Importer » (optionally ticking « Ignorer les lignes refusées »).</summary>
    public static Task<HttpResponseMessage> Commit(this HttpClient client, string batch, bool skipRefused = false) =>
        client.PostForm(batch, skipRefused ? new Dictionary<string, string> { ["SkipRefused"] = "true" } : new Dictionary<string, string>(),
            "form[action*='handler=Commit']");

    public static Task<HttpResponseMessage> Undo(this HttpClient client, string batch) =>
        client.PostForm(batch, new Dictionary<string, string>(), "form[action*='handler=Undo']");

    /// <summary>« 2 créées, 0 modifiée, … » as the page says it.</summary>
    public static async Task<string> Summary(this HttpClient client, string batch) =>
        (await client.GetHtml(batch)).QuerySelector("#bilan")!.Text();

    /// <summary>The line messages the page lists: « créée ligne 2 : … ».</summary>
    public static async Task<List<string>> Lines(this HttpClient client, string batch) =>
        (await client.GetHtml(batch)).QuerySelectorAll(".import-lines li").Select(l => l.Text()).ToList();
}
