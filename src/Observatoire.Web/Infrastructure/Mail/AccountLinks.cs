using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Absolute links for e-mails: the configured public address, else the address of the current request, else (a mail
/// written by the background sender, outside any request) the address the server listens on.
/// </summary>
public class AccountLinks(IOptions<ObservatoireOptions> options, IHttpContextAccessor http, IServer server)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicUrl?.TrimEnd('/');
        if (!string.IsNullOrEmpty(configured)) return configured + pathAndQuery;
        var request = http.HttpContext?.Request;
        return request is null ? ListeningAddress(server) + pathAndQuery : $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }

    public string Invitation(string userId, string token) =>
        Absolute($"/compte/invitation?utilisateur={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}");

    public string PasswordReset(string userId, string token) =>
        Absolute($"/compte/reinitialiser?utilisateur={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}");

    /// <summary>The address the server listens on, a wildcard host read as localhost.</summary>
    public static string ListeningAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return "http://localhost";
        return address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost")
            .Replace("://*", "://localhost").TrimEnd('/');
    }
}
