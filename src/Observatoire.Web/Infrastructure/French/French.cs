namespace Observatoire.Web.Infrastructure;

/// <summary>Small helpers for French text shown to users.</summary>
public static class French
{
    /// <summary>The one culture for everything users read: numbers, dates, sorting (« 1 234,5 », « 3 décembre 2026 »).</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// French alphabetical order for lists sorted in memory, whatever the thread's culture: accents and case do not send
    /// « Élodie » after « Yanis » or « uMap » after « Zoom ». Lists sorted by the database use its French collation.
    /// </summary>
    public static readonly StringComparer Order = StringComparer.Create(Culture, ignoreCase: true);

    /// <summary>French takes the singular for 0 and 1 ("0 structure contributrice").</summary>
    public static string Plural(long count, string singular, string plural) => count is >= -1 and <= 1 ? singular : plural;
}
