using AngleSharp.Html.Dom;
using Observatoire.Web.Pages.Wiki;

namespace Observatoire.IntegrationTests.Wiki;

/// <summary>Wiki pages for tests, saved the way the portal saves them, and an editor that keeps the revision it was opened on.</summary>
public static class WikiTestData
{
    public static Task<int> Page(this PortalFixture portal, string title, string markdown,
        WikiVisibility visibility = WikiVisibility.Public, bool isProtected = false, WikiPageType type = WikiPageType.Page,
        params string[] laterVersions) =>
        portal.Db(async db =>
        {
            var page = new WikiPage
            {
                Title = title, Slug = Observatoire.Web.Infrastructure.Slug.From(title, 140),
                Visibility = visibility, IsProtected = isProtected, Type = type,
            };
            await WikiStore.SaveRevisionAsync(db, page, title, markdown, "Création", null, DateTime.UtcNow.AddMinutes(-10), default);
            foreach (var later in laterVersions)
                await WikiStore.SaveRevisionAsync(db, page, title, later, null, null, DateTime.UtcNow.AddMinutes(-5), default);
            return page.Id;
        });

    /// <summary>The edit form as a person has it open: its token and the revision it started from.</summary>
    public sealed record Editor(string Slug, string Token, string BaseRevision);

    public static async Task<Editor> OpenEditor(this HttpClient client, string slug)
    {
        var page = await client.GetHtml($"/wiki/{slug}/modifier");
        var form = page.QuerySelector("form.wiki-edit")!;
        return new Editor(slug,
            ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value,
            ((IHtmlInputElement)form.QuerySelector("input[name='Input.BaseRevision']")!).Value);
    }

    public static Task<HttpResponseMessage> Save(this HttpClient client, Editor editor, string title, string markdown,
        string visibility = "Public", string type = "Page", string? handler = null, params (string, string)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", editor.Token),
            new("Input.BaseRevision", editor.BaseRevision),
            new("Input.Title", title),
            new("Input.Markdown", markdown),
            new("Input.Visibility", visibility),
            new("Input.Type", type),
        };
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Item1, m.Item2)));
        var url = $"/wiki/{editor.Slug}/modifier" + (handler is null ? "" : $"?handler={handler}");
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static void AssertRedirectTo(this HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, response.Headers.Location!.OriginalString);
    }
}
