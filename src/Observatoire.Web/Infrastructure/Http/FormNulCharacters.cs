using System.Net;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// A NUL character pasted into a field (from a PDF, a terminal, a broken export) reaches the portal as "%00" in an
/// url-encoded form. ASP.NET Core refuses such a form outright (400: the person loses everything typed) and PostgreSQL
/// could not store the character anyway, so it is removed here, before antiforgery and model binding read the form —
/// but not silently: the fields that held one are remembered with <see cref="UserText"/>'s message, and
/// <see cref="UserTextFilter"/> refuses them next to the field like any other control character.
/// Multipart forms (uploads) are left alone: their bytes are files.
/// </summary>
public sealed class FormNulCharacters(RequestDelegate next)
{
    /// <summary>Above the form reader's own value limit (4 MB), such a body is refused by it anyway.</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    private static readonly object ItemKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MaxBytes)
        {
            var body = new byte[request.ContentLength.Value];
            await request.Body.ReadExactlyAsync(body, context.RequestAborted);
            var cleaned = Strip(body);
            if (!ReferenceEquals(cleaned, body)) context.Items[ItemKey] = Problems(body);
            request.Body = new MemoryStream(cleaned, writable: false);
            request.ContentLength = cleaned.Length;
        }
        await next(context);
    }

    /// <summary>UserText's message (naming U+0000 and its position) for each field of this request that held a NUL.</summary>
    public static IReadOnlyDictionary<string, string> Removed(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var found) && found is Dictionary<string, string> problems ? problems : Empty;

    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>The body without "%00" sequences nor raw NUL bytes (returned as is when it has none).</summary>
    public static byte[] Strip(byte[] body)
    {
        if (body.AsSpan().IndexOf("%00"u8) < 0 && body.AsSpan().IndexOf((byte)0) < 0) return body;
        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0) continue;
            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }
            result.Add(body[i]);
        }
        return [.. result];
    }

    /// <summary>The field names of an url-encoded body whose value holds a NUL, each with UserText's message for it.</summary>
    public static Dictionary<string, string> Problems(byte[] body)
    {
        var problems = new Dictionary<string, string>();
        foreach (var pair in System.Text.Encoding.UTF8.GetString(body).Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals < 0) continue;
            var name = WebUtility.UrlDecode(pair[..equals]);
            var value = WebUtility.UrlDecode(pair[(equals + 1)..]);
            if (value.Contains('\0') && !problems.ContainsKey(name) && UserText.Problem(value) is { } message)
                problems[name] = message;
        }
        return problems;
    }
}
