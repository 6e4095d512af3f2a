namespace Observatoire.IntegrationTests.Observations;

public static class FormPosting
{
    /// <summary>Submits a form of the page's content: the header's sign-out form is also a POST form, and comes first.</summary>
    public static Task<HttpResponseMessage> PostMainForm(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, string formSelector = "main form[method=post]") =>
        client.PostForm(url, fields, formSelector);
}
