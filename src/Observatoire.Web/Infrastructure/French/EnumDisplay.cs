using System.Collections.Concurrent;
using System.Reflection;

namespace Observatoire.Web.Infrastructure;

/// <summary>The French label and explanation of an enum member, from its [Display(Name, Description)].</summary>
public static class EnumDisplay
{
    private static readonly ConcurrentDictionary<Enum, DisplayAttribute?> Cache = new();

    public static string Label(this Enum value) => Attribute(value)?.GetName() ?? value.ToString();

    public static string? Explanation(this Enum value) => Attribute(value)?.GetDescription();

    public static IEnumerable<T> Values<T>() where T : struct, Enum => Enum.GetValues<T>();

    private static DisplayAttribute? Attribute(Enum value) => Cache.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>());
}
