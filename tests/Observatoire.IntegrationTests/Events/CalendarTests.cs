using System.Text;
using Observatoire.IntegrationTests.Groups;

namespace Observatoire.IntegrationTests.Events;

public class CalendarTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, string> Form(string title, string date, string start, string end) => new()
    {
        ["Input.Title"] = title, ["Input.Date"] = date, ["Input.StartTime"] = start, ["Input.EndTime"] = end,
        ["Input.Place"] = "Centre social du Morier, salle 2; rez-de-chaussée", ["Input.GroupId"] = "",
        ["Input.Description"] = "Ordre du jour :\n- résultats\n- enquête, suite",
    };

    [Fact]
    public async Task A_ten_o_clock_meeting_stays_at_ten_in_paris_across_the_march_and_october_changes()
    {
        using var coordination = await Portal.SignedInAs(Roles.Coordination);
        // The next changes, whatever the day the test runs: the feed only keeps recent and coming events.
        var march = NextLastSunday(3);
        var october = NextLastSunday(10);
        foreach (var (title, date) in new[] { ("Avant mars", march.AddDays(-1)), ("Après mars", march.AddDays(1)),
                     ("Avant octobre", october.AddDays(-1)), ("Après octobre", october.AddDays(1)) })
            (await coordination.PostForm("/evenements/nouveau", Form(title, date.ToString("yyyy-MM-dd"), "10:00", "12:00"), "main form[method=post]")).AssertRedirect();
        var ids = await Portal.Db(db => db.Events.ToDictionaryAsync(e => e.Title, e => e.Id));

        using var response = await coordination.GetAsync("/evenements/calendrier.ics");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var events = Events(ics);
        Assert.Equal($"{march.AddDays(-1):yyyyMMdd}T090000Z", events[ids["Avant mars"]]["DTSTART"]);       // UTC+1
        Assert.Equal($"{march.AddDays(1):yyyyMMdd}T080000Z", events[ids["Après mars"]]["DTSTART"]);        // UTC+2
        Assert.Equal($"{october.AddDays(-1):yyyyMMdd}T080000Z", events[ids["Avant octobre"]]["DTSTART"]);  // UTC+2
        Assert.Equal($"{october.AddDays(1):yyyyMMdd}T090000Z", events[ids["Après octobre"]]["DTSTART"]);   // UTC+1
        Assert.Equal($"{october.AddDays(1):yyyyMMdd}T110000Z", events[ids["Après octobre"]]["DTEND"]);
        var page = await coordination.GetHtml("/evenements/" + ids["Après mars"]);
        Assert.Contains($"lundi {march.AddDays(1).Day} mars {march.Year}, 10 h 00 – 12 h 00", page.QuerySelector(".event-when")!.Text());
    }

    [Fact]
    public async Task Each_entry_is_valid_icalendar_and_links_back_to_its_page_with_a_stable_uid()
    {
        using var coordination = await Portal.SignedInAs(Roles.Coordination);
        var date = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        (await coordination.PostForm("/evenements/nouveau", Form("Rencontre du groupe, « méthode » \\ bilan", date, "14:00", "16:30"), "main form[method=post]")).AssertRedirect();
        var id = await Portal.Db(db => db.Events.Select(e => e.Id).SingleAsync());
        var slug = await Portal.Db(db => db.Events.Select(e => e.Slug).SingleAsync());
        var before = Events(await (await Portal.CreateClient().GetAsync("/evenements/calendrier.ics")).Content.ReadAsStringAsync())[id];

        (await coordination.PostForm($"/evenements/{id}/modifier", Form("Rencontre déplacée", date, "14:30", "16:30"), "main form[method=post]")).AssertRedirect();
        using var response = await Portal.CreateClient().GetAsync("/evenements/calendrier.ics");
        var raw = await response.Content.ReadAsByteArrayAsync();
        var ics = Encoding.UTF8.GetString(raw);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var after = Events(ics)[id];
        Assert.Equal(before["UID"], after["UID"]);
        Assert.Equal("1", after["SEQUENCE"]);
        Assert.Equal("0", before["SEQUENCE"]);
        Assert.Equal(@"Rencontre du groupe\, « méthode » \\ bilan", before["SUMMARY"]);
        Assert.Equal(@"Centre social du Morier\, salle 2\; rez-de-chaussée", after["LOCATION"]);
        Assert.Contains(@"Ordre du jour :\n", after["DESCRIPTION"]);
        Assert.Equal($"http://localhost/evenements/{slug}", after["URL"]);

        using var single = await Portal.CreateClient().GetAsync($"/evenements/{id}/ajouter.ics");
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal("text/calendar", single.Content.Headers.ContentType!.MediaType);
        Assert.Equal(after["UID"], Events(await single.Content.ReadAsStringAsync())[id]["UID"]);
    }

    [Fact]
    public async Task A_group_feed_holds_only_the_group_events()
    {
        var groupId = await Portal.Group();
        await Portal.Event(slug: "du-groupe", groupId: groupId);
        await Portal.Event(slug: "du-reseau");

        var ics = await (await Portal.CreateClient().GetAsync("/groupes/groupe-methode/calendrier.ics")).Content.ReadAsStringAsync();

        Assert.Single(Events(ics));
        Assert.Contains("/evenements/du-groupe", ics.Replace("\r\n ", ""));
        await Portal.CreateClient().GetHtml("/groupes/inconnu/calendrier.ics", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_hour_skipped_in_spring_is_refused_next_to_the_field()
    {
        using var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var response = await coordination.PostForm("/evenements/nouveau", Form("Nuit du changement", "2027-03-28", "02:30", "04:00"), "main form[method=post]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Contains("Cette heure n'existe pas", page.QuerySelector("#Input_StartTime-erreur")!.Text());
        Assert.Equal("true", page.QuerySelector("#Input_StartTime")!.GetAttribute("aria-invalid"));
        Assert.Equal("Nuit du changement", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await Portal.Db(db => db.Events.CountAsync()));
    }

    /// <summary>The last Sunday of the month (the day Europe changes its clocks), next after today.</summary>
    private static DateOnly NextLastSunday(int month)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var year = today.Year; ; year++)
        {
            var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            while (day.DayOfWeek != DayOfWeek.Sunday) day = day.AddDays(-1);
            if (day > today.AddDays(1)) return day;
        }
    }

    /// <summary>VEVENTs of a calendar by event id (from the UID), each as its unfolded properties.</summary>
    private static Dictionary<int, Dictionary<string, string>> Events(string ics)
    {
        var result = new Dictionary<int, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in ics.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (line == "BEGIN:VEVENT") current = [];
            else if (line == "END:VEVENT" && current is not null)
            {
                var uid = current["UID"];
                result[int.Parse(uid["evenement-".Length..uid.IndexOf('@')])] = current;
                current = null;
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':');
                current[line[..colon]] = line[(colon + 1)..];
            }
        }
        return result;
    }
}
