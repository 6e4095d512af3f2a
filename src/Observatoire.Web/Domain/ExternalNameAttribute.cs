namespace Observatoire.Web.Domain;

/// <summary>
/// The name a member of an enum goes by outside the code: in the database, in URLs and forms, in exports. Members were
/// first named in French; renamed into English, they keep their French name everywhere else through this attribute, so
/// stored rows, bookmarked addresses and downloaded files do not change. Read through <see cref="ExternalNames"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ExternalNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
