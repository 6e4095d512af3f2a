namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// Which kinds a person may receive, and how by default, from their roles. Defaults: what a person must act on soon
/// comes at once (my observation returned or validated); what accumulates comes once a day (wiki changes, the
/// validation queue) or once a week (tool proposals, which are rarely urgent). A person's own choice overrides these.
/// </summary>
public static class NotificationDefaults
{
    public static IReadOnlyList<NotificationKind> KindsFor(IReadOnlyCollection<string> roles)
    {
        var kinds = new List<NotificationKind>();
        var writes = roles.Any(r => r is Roles.Contributeur or Roles.Coordination or Roles.Administrateur);
        if (writes) kinds.Add(NotificationKind.ObservationReviewed);
        if (roles.Count > 0) kinds.Add(NotificationKind.WikiPageChanged);
        if (roles.Contains(Roles.Coordination)) kinds.AddRange([NotificationKind.ObservationsToValidate, NotificationKind.ToolProposals]);
        return kinds;
    }

    public static NotificationDelivery For(NotificationKind kind) => kind switch
    {
        NotificationKind.ObservationReviewed => NotificationDelivery.Immediate,
        NotificationKind.ToolProposals => NotificationDelivery.Weekly,
        _ => NotificationDelivery.Daily,
    };
}
