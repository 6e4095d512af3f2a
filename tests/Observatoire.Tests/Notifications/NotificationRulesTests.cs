using Observatoire.Web.Domain;
using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Tests.Notifications;

public class NotificationRulesTests
{
    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxSender.Wait(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxSender.Wait(2));
        Assert.Equal(TimeSpan.FromMinutes(16), OutboxSender.Wait(6));
        Assert.Equal(TimeSpan.FromHours(1), OutboxSender.Wait(8));
        Assert.Equal(TimeSpan.FromHours(1), OutboxSender.Wait(500));
    }

    [Theory]
    // Thursday 3 December 2026, 6 h 59 in Paris (5 h 59 UTC): still yesterday's daily period, last Monday's week.
    [InlineData("2026-12-03T05:59:00Z", "Daily", "2026-12-02", "2026-12-02T06:00:00Z")]
    [InlineData("2026-12-03T06:00:00Z", "Daily", "2026-12-03", "2026-12-03T06:00:00Z")]
    [InlineData("2026-12-03T06:00:00Z", "Weekly", "2026-11-30", "2026-11-30T06:00:00Z")]
    // Monday 7 December, 6 h 30 in Paris: the new week starts at 7 h.
    [InlineData("2026-12-07T05:30:00Z", "Weekly", "2026-11-30", "2026-11-30T06:00:00Z")]
    [InlineData("2026-12-07T06:30:00Z", "Weekly", "2026-12-07", "2026-12-07T06:00:00Z")]
    // Summer time: 7 h in Paris is 5 h UTC.
    [InlineData("2026-07-01T05:00:00Z", "Daily", "2026-07-01", "2026-07-01T05:00:00Z")]
    public void A_digest_belongs_to_the_period_whose_digest_hour_has_passed(string now, string period, string start, string cutoff)
    {
        var (s, c) = NotificationMailer.Period(Enum.Parse<NotificationDelivery>(period), DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal), 7);

        Assert.Equal(DateOnly.Parse(start), s);
        Assert.Equal(DateTime.Parse(cutoff, null, System.Globalization.DateTimeStyles.AdjustToUniversal), c);
    }

    [Fact]
    public void No_notification_kind_is_about_a_survey_response()
    {
        // A survey is answered anonymously, often by residents: no notice (hence no mail) may carry a response or its
        // answers. A kind about a survey's responses must aggregate (« seuil atteint »), never show one: add it here knowingly.
        // SurveyManaged is such an aggregate: a survey's title, its closing date, its number of responses.
        var names = Enum.GetNames<NotificationKind>().Where(n => n != nameof(NotificationKind.SurveyManaged));
        Assert.DoesNotContain(names, n => n.Contains("Response", StringComparison.Ordinal) || n.Contains("Answer", StringComparison.Ordinal)
            || n.Contains("Survey", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(Notification).GetProperties(), p => p.PropertyType.Name.Contains("Response", StringComparison.Ordinal));
    }

    [Fact]
    public void Coordination_kinds_are_offered_to_coordination_only()
    {
        Assert.Equal([NotificationKind.ObservationReviewed, NotificationKind.WikiPageChanged, NotificationKind.WatchWeek, NotificationKind.WatchComment,
            NotificationKind.GroupRequest, NotificationKind.GroupJoined, NotificationKind.EventReminder], NotificationDefaults.KindsFor([Roles.Contributeur]));
        // A partner generates syntheses (Policies.Reader), so learns when their data changed.
        Assert.Equal([NotificationKind.WikiPageChanged, NotificationKind.WatchWeek, NotificationKind.WatchComment, NotificationKind.SynthesisDataChanged,
            NotificationKind.GroupRequest, NotificationKind.GroupJoined, NotificationKind.EventReminder], NotificationDefaults.KindsFor([Roles.Partenaire]));
        Assert.Contains(NotificationKind.ObservationsToValidate, NotificationDefaults.KindsFor([Roles.Coordination]));
        Assert.Contains(NotificationKind.SurveyManaged, NotificationDefaults.KindsFor([Roles.Coordination]));
    }
}
