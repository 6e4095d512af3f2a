using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Observatoire.Web.Infrastructure;

/// <summary>The French name of an enum member, from its [Display(Name = …)].</summary>
public static class EnumLabels
{
    public static string Label<T>(this T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? value.ToString();
}
