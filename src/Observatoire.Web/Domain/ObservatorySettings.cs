namespace Observatoire.Web.Domain;

/// <summary>
/// Who the observatory is: its name wherever the portal prints it (header, titles, PDF, e-mails, feeds), its contact
/// and its public notices. One row (<see cref="SingletonId"/>), written by the first-run setup or by the demo data and
/// edited by the Administrateur; while it does not exist the portal uses neutral defaults (<see cref="Infrastructure.SettingsTemplates"/>).
/// The three notices are Markdown, rendered through the one pipeline when read; <c>{{nom}}</c>, <c>{{nom-court}}</c>,
/// <c>{{territoire}}</c> and <c>{{contact}}</c> in them stand for the current values, so a rename reaches them.
/// </summary>
public class ObservatorySettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    /// <summary>« Observatoire des usages numériques »: titles, PDF cover and header, e-mails.</summary>
    public required string Name { get; set; }
    /// <summary>« Observatoire »: the header's mark, page title suffix, feeds, e-mail subjects, authenticator apps.</summary>
    public required string ShortName { get; set; }
    /// <summary>« Tours et Joué-lès-Tours »: where it observes, beside the name.</summary>
    public string? Territory { get; set; }
    /// <summary>One or two sentences saying what it is: footer and page description.</summary>
    public string? Description { get; set; }
    /// <summary>Public contact address: footer, notices, reply address of e-mails.</summary>
    public string? ContactEmail { get; set; }
    /// <summary>Markdown: the home page's « Pourquoi observer ? » — the observatory's own story, not another's.</summary>
    public required string Introduction { get; set; }
    public required string LegalNotice { get; set; }
    public required string PrivacyNotice { get; set; }
    public required string AccessibilityStatement { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }
    public uint Version { get; set; }
}

/// <summary>
/// A first-run setup token, stored as its SHA-256 so that the database never holds a usable token, and shared by every
/// instance behind the proxy (each instance adds the one it printed). All are deleted when the first administrator is made.
/// </summary>
public class SetupToken
{
    public int Id { get; set; }
    public required byte[] Hash { get; set; }
    public DateTime CreatedAt { get; set; }
}
