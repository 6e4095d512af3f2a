using System.ComponentModel;
using System.Globalization;

namespace Observatoire.Web.Domain;

/// <summary>
/// Model binding of an enum with renamed members (<see cref="ExternalNameAttribute"/>): a query string or a form gives
/// the external name, which is read as <see cref="EnumConverter"/> read member names before (case ignored, numbers and
/// comma lists still accepted), while the English code name of a renamed member stays unknown to URLs and forms.
/// </summary>
public sealed class ExternalNameConverter(Type type) : EnumConverter(type)
{
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text) return base.ConvertFrom(context, culture, value);
        var parts = text.Split(',').Select(part =>
            ExternalNames.TryParse(EnumType, part, out var member) ? member.ToString()
            : ExternalNames.IsCodeNameOfRenamed(EnumType, part) ? throw new FormatException($"{text} is not a valid value for {EnumType.Name}.")
            : part);
        return base.ConvertFrom(context, culture, string.Join(',', parts));
    }

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is Enum member && member.GetType() == EnumType
            ? member.ExternalName()
            : base.ConvertTo(context, culture, value, destinationType);
}
