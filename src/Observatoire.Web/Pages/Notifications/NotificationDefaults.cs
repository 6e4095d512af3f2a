namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// Which kinds a person may receive, and how by default, from their roles. Defaults: what a person must act on soon
/// comes at once (my observation returned or validated); what accumulates comes once a day (wiki changes, the
/// validation queue, comments on watch items, syntheses whose data changed) or once a week (tool proposals, which are
/// rarely urgent). The week's watch is itself a weekly digest: it comes alone on Monday morning, to every role (the
/// partners asked for it). A group's requests and answers, and Coordination's surveys closing or reaching their
/// threshold, and the reminder of an event tomorrow, come at once: someone waits, or a date is near. A person's own choice overrides these.
/// </summary>
public static class NotificationDefaults
{
    public static IReadOnlyList<NotificationKind> KindsFor(IReadOnlyCollection<string> roles)
    {
        var kinds = new List<NotificationKind>();
        var writes = roles.Any(r => r is Roles.Contributeur or Roles.Coordination or Roles.Administrateur);
        if (writes) kinds.Add(NotificationKind.ObservationReviewed);
        if (roles.Count > 0) kinds.AddRange([NotificationKind.WikiPageChanged, NotificationKind.WatchWeek, NotificationKind.WatchComment]);
        if (roles.Contains(Roles.Coordination)) kinds.AddRange([NotificationKind.ObservationsToValidate, NotificationKind.ToolProposals, NotificationKind.SurveyManaged]);
        // Those who may generate a synthesis (Policies.Reader).
        if (roles.Any(r => r is Roles.Administrateur or Roles.Coordination or Roles.Partenaire)) kinds.Add(NotificationKind.SynthesisDataChanged);
        if (roles.Count > 0) kinds.AddRange([NotificationKind.GroupRequest, NotificationKind.GroupJoined, NotificationKind.EventReminder]);
        return kinds;
    }

    public static NotificationDelivery For(NotificationKind kind) => kind switch
    {
        NotificationKind.ObservationReviewed or NotificationKind.WatchWeek or NotificationKind.SurveyManaged
            or NotificationKind.GroupRequest or NotificationKind.GroupJoined or NotificationKind.EventReminder => NotificationDelivery.Immediate,
        NotificationKind.ToolProposals => NotificationDelivery.Weekly,
        _ => NotificationDelivery.Daily,
    };
}
