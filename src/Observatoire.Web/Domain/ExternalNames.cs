using System.Collections.Concurrent;
using System.Reflection;

namespace Observatoire.Web.Domain;

/// <summary>
/// An enum member's name outside the code: its <see cref="ExternalNameAttribute"/> if it has one, its own name otherwise.
/// Use it wherever a member becomes text that leaves the program (SQL parameters, URLs, form values, CSS classes,
/// exports) or comes back from there, instead of <c>ToString()</c> and <c>Enum.Parse</c>.
/// </summary>
public static class ExternalNames
{
    private sealed record Names(Dictionary<Enum, string> ByMember, Dictionary<string, Enum> ByName, HashSet<string> Renamed);

    private static readonly ConcurrentDictionary<Type, Names> Cache = new();

    public static string ExternalName(this Enum value) =>
        For(value.GetType()).ByMember.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>The member whose external name is <paramref name="text"/>, ignoring case as <c>Enum.Parse</c> did.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (TryParse(typeof(T), text, out var member))
        {
            value = (T)member;
            return true;
        }
        value = default;
        return false;
    }

    public static bool TryParse(Type enumType, string? text, out Enum value) =>
        For(enumType).ByName.TryGetValue(text?.Trim() ?? "", out value!);

    /// <summary>Whether <paramref name="text"/> is the code name of a member known outside by another name.</summary>
    public static bool IsCodeNameOfRenamed(Type enumType, string text) => For(enumType).Renamed.Contains(text.Trim());

    /// <summary>The enums of <paramref name="assembly"/> with at least one member renamed through <see cref="ExternalNameAttribute"/>.</summary>
    public static IEnumerable<Type> RenamedEnums(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsEnum && For(t).Renamed.Count > 0);

    private static Names For(Type enumType) => Cache.GetOrAdd(enumType, type =>
    {
        var byMember = new Dictionary<Enum, string>();
        var byName = new Dictionary<string, Enum>(StringComparer.OrdinalIgnoreCase);
        var renamed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var member = (Enum)field.GetValue(null)!;
            var name = field.GetCustomAttribute<ExternalNameAttribute>()?.Name ?? field.Name;
            byMember.TryAdd(member, name);
            byName.TryAdd(name, member);
            if (name != field.Name) renamed.Add(field.Name);
        }
        return new Names(byMember, byName, renamed);
    });
}
