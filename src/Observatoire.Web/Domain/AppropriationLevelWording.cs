using System.Reflection;

namespace Observatoire.Web.Domain;

/// <summary>
/// The words an observatory gives one step of the fixed appropriation scale (<see cref="AppropriationLevel"/>):
/// the four steps stay, their name and explanation are the administrator's. A step without a row reads as
/// <see cref="Default"/>, the wording the portal was born with.
/// </summary>
public class AppropriationLevelWording
{
    public AppropriationLevel Level { get; set; }
    /// <summary>Without the step's number: « Découverte » is shown « 1 — Découverte ».</summary>
    public required string Name { get; set; }
    public string? Description { get; set; }
    public uint Version { get; set; }

    /// <summary>The wording of the enum's <c>[Display]</c>, « 1 — Découverte » read as « Découverte ».</summary>
    public static AppropriationLevelWording Default(AppropriationLevel level)
    {
        var display = typeof(AppropriationLevel).GetField(level.ToString())!.GetCustomAttribute<DisplayAttribute>()!;
        var name = display.GetName()!;
        var dash = name.IndexOf('—');
        return new AppropriationLevelWording
        {
            Level = level, Name = dash < 0 ? name : name[(dash + 1)..].Trim(), Description = display.GetDescription(),
        };
    }
}
