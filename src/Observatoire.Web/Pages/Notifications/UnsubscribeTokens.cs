using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// The one-click unsubscribe token (RFC 8058) of one person and the kinds one mail holds (one kind, or a digest's few), signed and encrypted by ASP.NET Core Data
/// Protection (keys shared by every instance through the database): it cannot be forged, nor turned into another
/// person's or another kind's. It does not expire: a mail read months later must still unsubscribe.
/// </summary>
public class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Observatoire.Notifications.Unsubscribe.v1");

    public string For(string userId, IEnumerable<NotificationKind> kinds) =>
        _protector.Protect($"{userId}\n{string.Join(",", kinds.Distinct().Order())}");

    public (string UserId, IReadOnlyList<NotificationKind> Kinds)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000) return null;
        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            if (parts.Length != 2) return null;
            var kinds = parts[1].Split(',').Select(k => Enum.TryParse<NotificationKind>(k, out var kind) && Enum.IsDefined(kind) ? kind : (NotificationKind?)null).ToList();
            return kinds.Count > 0 && kinds.All(k => k is not null) ? (parts[0], kinds.Select(k => k!.Value).ToList()) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
