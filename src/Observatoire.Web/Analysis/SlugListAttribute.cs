namespace Observatoire.Web.Analysis;

/// <summary>Bounds a list of slugs from a form or URL: at most <see cref="MaxCount"/> values of at most 100 characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SlugListAttribute(int maxCount = SlugListAttribute.DefaultMaxCount) : ValidationAttribute("Choix inconnu.")
{
    public const int DefaultMaxCount = 50;
    public const int MaxSlugLength = 100;

    public int MaxCount { get; } = maxCount;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string[] slugs => slugs.Length <= MaxCount && slugs.All(s => s is null || s.Length <= MaxSlugLength),
        _ => false,
    };
}
