using Microsoft.Extensions.Options;

namespace Observatoire.Web.Analysis;

/// <summary>
/// The one rule for publishing counts: a group smaller than the threshold (but not empty) is shown as "&lt; 5",
/// with no percentage, so that nobody can be singled out. Pages, exports and PDF syntheses all go through it.
/// </summary>
public sealed class Suppression(int threshold)
{

    public Suppression(IOptions<ObservatoireOptions> options) : this(options.Value.SuppressionThreshold) { }

    public int Threshold { get; } = Math.Max(1, threshold);

    /// <summary>Whether this count must not be published.</summary>
    public bool Hides(int count) => count > 0 && count < Threshold;

    /// <summary>The count as published: "12", "0" or "&lt; 5".</summary>
    public string Format(int count) => Hides(count) ? $"< {Threshold}" : count.ToString("N0", French.Culture);

    /// <summary>The count when publishable, otherwise null (for JSON and charts).</summary>
    public int? Value(int count) => Hides(count) ? null : count;

    /// <summary>Share of <paramref name="total"/> in percent, or null when either figure is hidden.</summary>
    public double? Percent(int count, int total) =>
        total == 0 || Hides(count) || Hides(total) ? null : Math.Round(100.0 * count / total, 1);

    public string FormatPercent(int count, int total) =>
        Percent(count, total) is double p ? p.ToString("0.#", French.Culture) + "\u202F%" : "—";
}
