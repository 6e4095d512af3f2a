using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Observatoire.Web.Analysis;

public static class EnumLabels
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    /// <summary>The French name from <see cref="DisplayAttribute"/>, or the member name.</summary>
    public static string DisplayLabel(this Enum value) => Cache.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? v.ToString());
}
