using AngleSharp;
using AngleSharp.Html.Dom;
using Xunit.Sdk;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>Reading pages and submitting forms over HTTP, the way a browser without JavaScript would.</summary>
public static class HtmlExtensions
{
    /// <summary>GETs a page, asserts its status (200 unless told otherwise) and parses it.</summary>
    public static async Task<IDocument> GetHtml(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new XunitException(
                $"GET {url} : statut {(int)response.StatusCode} au lieu de {(int)expected}." +
                (response.Headers.Location is { } location ? $" Redirection vers {location}." : "") +
                $"\n{Excerpt(html)}");
        return await Parse(html, new Uri(client.BaseAddress ?? new Uri("http://localhost"), url));
    }

    /// <summary>Parses the body of a response (e.g. a form shown again with its errors).</summary>
    public static async Task<IDocument> ReadHtml(this HttpResponseMessage response) =>
        await Parse(await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri ?? new Uri("http://localhost/"));

    /// <summary>
    /// GETs <paramref name="url"/>, then submits its form (by default the first POST form) to the form's action
    /// with the antiforgery token and the form's other hidden fields, overridden and completed by <paramref name="fields"/>.
    /// </summary>
    public static Task<HttpResponseMessage> PostForm(this HttpClient client, string url,
        IDictionary<string, string> fields, string formSelector = "form[method=post]") =>
        client.PostForm(url, (IEnumerable<KeyValuePair<string, string>>)fields, formSelector);

    /// <summary>Same as the dictionary overload, for repeated names (checkbox lists, multiple selects).</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, string formSelector = "form[method=post]")
    {
        var page = await client.GetHtml(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new XunitException($"Aucun formulaire « {formSelector} » sur {url}.");
        var given = fields.ToList();
        var names = given.Select(f => f.Key).ToHashSet();
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name]")
            .Where(i => !names.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(given)
            .ToList();
        if (!values.Any(v => v.Key == "__RequestVerificationToken"))
            throw new XunitException($"Le formulaire « {formSelector} » de {url} n'a pas de jeton antiforgery.");

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// GETs <paramref name="url"/> and submits its form as shown — every field with the value the page gives it (ticked
    /// boxes, chosen options, texts) — with <paramref name="changes"/> replacing the values of their names: an edit of
    /// one field, the rest left as it was. <paramref name="button"/> names the submit button pressed (name, value).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsShown(this HttpClient client, string url, IDictionary<string, string> changes,
        (string Name, string Value)? button = null, string formSelector = "main form[method=post]")
    {
        var page = await client.GetHtml(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new XunitException($"Aucun formulaire « {formSelector} » sur {url}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || changes.ContainsKey(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        values.AddRange(changes);
        if (button is var (buttonName, buttonValue)) values.Add(new(buttonName, buttonValue));
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(values));
    }

    /// <summary>The visible text of an element, whitespace collapsed: what assertions on wording should compare.</summary>
    public static string Text(this IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<IDocument> Parse(string html, Uri address)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(address));
    }

    private static string Excerpt(string html) => html.Length <= 2000 ? html : html[..2000] + "…";
}
