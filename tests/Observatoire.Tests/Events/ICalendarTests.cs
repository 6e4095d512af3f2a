using System.Text;
using Observatoire.Web.Pages.Events;

namespace Observatoire.Tests.Events;

public class ICalendarTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc);

    private static string Write(string summary, string? description = null, string? location = null) =>
        ICalendar.Write(ICalendar.ProductId("Observatoire", null), "Calendrier", [new ICalendar.Entry("evenement-1@observatoire-tours", 2, Start, Start.AddHours(2), Start,
            summary, description, location, "https://observatoire.example/evenements/atelier", false)]);

    [Fact]
    public void Every_line_ends_with_crlf_and_none_is_longer_than_75_octets()
    {
        var text = Write(string.Concat(Enumerable.Repeat("Atelier « numérique » été 🎉 ", 12)), new string('é', 300));

        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        foreach (var line in text.Split("\r\n")[..^1])
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Ligne de {Encoding.UTF8.GetByteCount(line)} octets : {line}");
    }

    [Fact]
    public void Unfolding_gives_back_the_escaped_text_without_splitting_characters()
    {
        var summary = string.Concat(Enumerable.Repeat("Réunion du groupe méthode 🎉, ", 8));
        var text = Write(summary);

        var unfolded = text.Replace("\r\n ", "");
        Assert.Contains("SUMMARY:" + ICalendar.Escape(summary) + "\r\n", unfolded);
        Assert.DoesNotContain("\uFFFD", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Summary_description_and_location_carry_no_control_character()
    {
        var text = Write("Atelier\u0001 a\u0007b\u202Ec\tfin\r\nsuite", "Ligne 1\u0085\r\nLigne\u001B 2\ttab", "Salle\u0000 2\n3");

        var unfolded = text.Replace("\r\n ", "");
        foreach (var line in unfolded.Split("\r\n"))
            Assert.DoesNotContain(line, c => char.IsControl(c) || UserText.IsBidiControl(c));
        Assert.Contains("SUMMARY:Atelier abc fin  suite\r\n", unfolded);
        Assert.Contains("DESCRIPTION:Ligne 1\\nLigne 2 tab\r\n", unfolded);
        Assert.Contains("LOCATION:Salle 2 3\r\n", unfolded);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_newlines_are_escaped()
    {
        Assert.Equal(@"a\, b\; c\\ d\ne\nf", ICalendar.Escape("a, b; c\\ d\r\ne\nf"));
        var text = Write("Titre", location: "Salle 2, 1er étage; bâtiment B");
        Assert.Contains(@"LOCATION:Salle 2\, 1er étage\; bâtiment B", text.Replace("\r\n ", ""));
    }

    [Fact]
    public void Instants_are_written_in_utc_with_z()
    {
        var text = Write("Titre");
        Assert.All(["DTSTART:20261124T130000Z\r\n", "DTEND:20261124T150000Z\r\n", "UID:evenement-1@observatoire-tours\r\n",
            "SEQUENCE:2\r\n", "DTSTAMP:20261124T130000Z\r\n", "STATUS:CONFIRMED\r\n"], part => Assert.Contains(part, text));
    }

    [Fact]
    public void The_calendar_starts_with_its_version_and_says_who_wrote_it_and_for_which_time_zone()
    {
        var text = ICalendar.Write(ICalendar.ProductId("Observatoire des usages numériques", "Tours et Joué-lès-Tours"), "Groupe « méthode », Tours; Joué", [new ICalendar.Entry("evenement-2@observatoire-tours", 0, Start,
            Start.AddHours(1), Start, "Annulé", null, " ", "https://observatoire.example/evenements/annule?de=1&a=2", true)]);
        var unfolded = text.Replace("\r\n ", "");

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", text);
        Assert.Contains("PRODID:-//Observatoire des usages numériques//Tours et Joué-lès-Tours//FR\r\n", unfolded);
        Assert.Contains("CALSCALE:GREGORIAN\r\n", text);
        Assert.Contains("METHOD:PUBLISH\r\n", text);
        Assert.Contains(@"X-WR-CALNAME:Groupe « méthode »\, Tours\; Joué" + "\r\n", unfolded);
        Assert.Contains("X-WR-TIMEZONE:Europe/Paris\r\n", text);
        Assert.Contains("STATUS:CANCELLED\r\n", text);
        Assert.Contains("URL:https://observatoire.example/evenements/annule?de=1&a=2\r\n", unfolded);
        Assert.DoesNotContain("DESCRIPTION", text);
        Assert.DoesNotContain("LOCATION", text);
        Assert.Equal(1, text.Split("VERSION:").Length - 1);
    }

    /// <summary>Why ICalendar moves VERSION: Ical.Net writes every property in name order, whatever its own sorter says.</summary>
    [Fact]
    public void Ical_net_alone_writes_the_version_after_the_properties_before_it_in_the_alphabet()
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };

        var text = new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar)!;

        Assert.StartsWith("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\n", text);
    }
}

public class ParisTimeTests
{
    [Theory]
    [InlineData(2027, 3, 27, 10, 9)]   // Saturday before the spring change: UTC+1
    [InlineData(2027, 3, 28, 10, 8)]   // the day of the change, after it: UTC+2
    [InlineData(2026, 10, 24, 10, 8)]  // Saturday before the autumn change: UTC+2
    [InlineData(2026, 10, 25, 10, 9)]  // the day of the change, after it: UTC+1
    public void A_paris_wall_time_maps_to_the_right_utc_hour_around_the_changes(int y, int m, int d, int parisHour, int utcHour)
    {
        var utc = ParisTime.ToUtc(new DateOnly(y, m, d), new TimeOnly(parisHour, 0));
        Assert.Equal(new DateTime(y, m, d, utcHour, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(parisHour, ParisTime.ToParis(utc!.Value).Hour);
    }

    [Fact]
    public void The_hour_skipped_in_spring_does_not_exist()
    {
        Assert.Null(ParisTime.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(2, 30)));
    }

    [Fact]
    public void The_hour_repeated_in_autumn_is_taken_in_summer_time()
    {
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), ParisTime.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
    }
}
