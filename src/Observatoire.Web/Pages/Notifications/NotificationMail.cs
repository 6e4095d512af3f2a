
namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// The notification mails' two templates: one for the text version, one for the HTML version, each used for a single
/// notice and for a digest of many. Links are absolute (the public address); nothing is fetched when the mail is
/// opened (no image, no tracking pixel), and the unsubscribe link stops this kind only.
/// </summary>
public static class NotificationMail
{
    /// <summary>One notice as a mail shows it: its title, its text, its absolute link.</summary>
    public record Item(string Title, string? Text, string Url, DateTime CreatedAt);

    /// <param name="Heading">The mail's first sentence (« Votre observation a été renvoyée », « Votre résumé quotidien »).</param>
    /// <param name="CentreUrl">The portal's notification centre.</param>
    /// <param name="PreferencesUrl">« Mon compte › Notifications ».</param>
    /// <param name="Stop">What the unsubscribe link stops, in words (« les courriels sur les pages du wiki que vous suivez »).</param>
    public record Content(string Heading, IReadOnlyList<Item> Items, string CentreUrl, string PreferencesUrl,
        string UnsubscribeUrl, string Stop);

    public static string Text(Content c)
    {
        var lines = new List<string> { "Bonjour,", "", c.Heading, "" };
        foreach (var item in c.Items)
        {
            lines.Add("• " + item.Title + (c.Items.Count > 1 ? $" ({ParisTime.Format(item.CreatedAt)})" : ""));
            if (item.Text is { } text)
                lines.AddRange(text.Split('\n').Select(l => "  " + l.TrimEnd()));
            lines.Add("  " + item.Url);
            lines.Add("");
        }
        lines.Add("Toutes vos notifications : " + c.CentreUrl);
        lines.Add("Choisir ce que vous recevez par courriel : " + c.PreferencesUrl);
        lines.Add($"Ne plus recevoir {c.Stop} : {c.UnsubscribeUrl}");
        return string.Join("\n", lines);
    }

    public static string Html(Content c)
    {
        static string E(string s) => Mailer.Encode(s);
        var items = string.Concat(c.Items.Select(item => $"""
            <li style="margin-bottom: 1em;"><a href="{E(item.Url)}">{E(item.Title)}</a>{(c.Items.Count > 1 ? $" <span style=\"color: #555;\">({E(ParisTime.Format(item.CreatedAt))})</span>" : "")}
            {(item.Text is { } text ? $"<br>{string.Join("<br>", text.Split('\n').Select(l => E(l.TrimEnd())))}" : "")}</li>
            """));
        return $"""
            <p>Bonjour,</p>
            <p>{E(c.Heading)}</p>
            <ul style="padding-left: 1.2em;">{items}</ul>
            <p><a href="{E(c.CentreUrl)}">Toutes vos notifications</a> · <a href="{E(c.PreferencesUrl)}">Choisir ce que vous recevez par courriel</a></p>
            <p style="color: #555; font-size: 0.9em;"><a href="{E(c.UnsubscribeUrl)}">Ne plus recevoir {E(c.Stop)}</a></p>
            """;
    }

    /// <summary>What stopping a kind stops, said in a sentence.</summary>
    public static string Stop(NotificationKind kind) => kind switch
    {
        NotificationKind.ObservationReviewed => "les courriels sur la relecture de vos observations",
        NotificationKind.WikiPageChanged => "les courriels sur les pages du wiki que vous suivez",
        NotificationKind.ObservationsToValidate => "les courriels sur les observations à valider",
        NotificationKind.ToolProposals => "les courriels sur les outils proposés",
        NotificationKind.WatchWeek => "la veille de la semaine",
        NotificationKind.WatchComment => "les courriels sur les commentaires des liens de veille que vous suivez",
        NotificationKind.SurveyManaged => "les courriels sur les enquêtes que vous gérez",
        NotificationKind.SynthesisDataChanged => "les courriels sur les données des synthèses que vous avez produites",
        NotificationKind.GroupRequest => "les courriels sur les demandes pour rejoindre vos groupes",
        NotificationKind.GroupJoined => "les courriels sur vos demandes pour rejoindre un groupe",
        NotificationKind.EventReminder => "les rappels des événements où vous êtes inscrit",
        _ => "ces courriels",
    };
}
