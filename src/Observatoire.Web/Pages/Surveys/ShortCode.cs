using System.Security.Cryptography;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>Short random codes that people copy by hand: no I, L, O, 0 or 1 to confuse.</summary>
public static class ShortCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New(int length = 8) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>What the person typed, as stored: upper case, without spaces or dashes.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).Take(16).ToArray());

    /// <summary>"ABCD-EFGH": easier to read aloud and to copy.</summary>
    public static string Display(string code) => code.Length == 8 ? code[..4] + "-" + code[4..] : code;
}
