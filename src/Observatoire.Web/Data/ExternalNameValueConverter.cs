using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Observatoire.Web.Domain;

namespace Observatoire.Web.Data;

/// <summary>
/// Stores an enum by its external name (<see cref="ExternalNameAttribute"/>), so that members renamed in the code keep
/// the value their rows, the SQL of the rollups and the migrations already use. An unknown value reads as the default
/// member, as with EF's enum-to-string conversion.
/// </summary>
public sealed class ExternalNameValueConverter<T>() : ValueConverter<T, string>(
    value => value.ExternalName(),
    stored => FromStored(stored))
    where T : struct, Enum
{
    private static T FromStored(string stored) => ExternalNames.TryParse<T>(stored, out var value) ? value : default;
}
