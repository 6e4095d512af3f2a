using Microsoft.Extensions.Options;

namespace Observatoire.Web.Infrastructure;

/// <summary>Absolute links for e-mails: the configured public address, else the address of the current request.</summary>
public class AccountLinks(IOptions<ObservatoireOptions> options, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicUrl?.TrimEnd('/');
        if (!string.IsNullOrEmpty(configured)) return configured + pathAndQuery;
        var request = http.HttpContext?.Request;
        return request is null ? pathAndQuery : $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }

    public string Invitation(string userId, string token) =>
        Absolute($"/compte/invitation?utilisateur={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}");

    public string PasswordReset(string userId, string token) =>
        Absolute($"/compte/reinitialiser?utilisateur={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}");
}
