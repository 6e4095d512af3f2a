namespace Observatoire.Web.Infrastructure;

/// <summary>Claims the portal adds to the sign-in cookie, next to Identity's.</summary>
public static class ObservatoireClaims
{
    /// <summary>The account's display name, so the audit log and pages need no database read to name the user.</summary>
    public const string DisplayName = "observatoire:name";
    /// <summary>Present when the account has two-factor authentication on (see <see cref="StaffTwoFactor"/>).</summary>
    public const string TwoFactor = "observatoire:2fa";
}
