using System.Text;
using QRCoder;

namespace Observatoire.Web.Pages.Account;

/// <summary>What an authenticator app needs to enrol (TOTP, RFC 6238: 6 digits, 30 s, SHA-1), and code clean-up.</summary>
public static class Authenticator
{
    /// <summary>The shared key in groups of four, easier to type by hand than one long string.</summary>
    public static string FormatKey(string key)
    {
        var b = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) b.Append(' ');
            b.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return b.ToString().ToLowerInvariant();
    }

    /// <summary>The issuer is the observatory's short name: what the app lists the code under (the colon separates the label's parts).</summary>
    public static string OtpAuthUri(string issuer, string account, string key)
    {
        issuer = issuer.Replace(':', ' ');
        return $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
    }

    /// <summary>A PNG QR code as a data URI: the CSP allows data: images, and an image needs no inline style.</summary>
    public static string QrCodeDataUri(string text) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 6));

    /// <summary>Codes are typed with spaces or dashes by people copying them from a phone or a sheet of paper.</summary>
    public static string Clean(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
