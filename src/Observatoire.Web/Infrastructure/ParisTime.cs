namespace Observatoire.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown, typed and printed in Tours' time zone.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"15 mars 2026 à 18 h 00".</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy 'à' H 'h' mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
