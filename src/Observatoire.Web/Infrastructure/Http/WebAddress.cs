namespace Observatoire.Web.Infrastructure;

/// <summary>
/// The one rule for a web address people type (a structure's or a tool's site, an event's online link, a watch link,
/// a feed): absolute, http or https, with a host name. Forms validate with it and pages show a link with it, so an
/// address is refused at input exactly when a page could not show it.
/// </summary>
public static class WebAddress
{
    public const string Message = "Saisissez une adresse complète qui commence par https:// ou http://, par exemple https://exemple.fr.";

    public static bool TryParse(string? text, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https") || Uri.CheckHostName(parsed.DnsSafeHost) == UriHostNameType.Unknown)
            return false;
        uri = parsed;
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);
}

/// <summary>A web address by <see cref="WebAddress"/>'s rule (an empty value passes: [Required] says when one is needed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebAddressAttribute() : ValidationAttribute(WebAddress.Message)
{
    public override bool IsValid(object? value) => value is not string s || string.IsNullOrWhiteSpace(s) || WebAddress.IsValid(s);
}
