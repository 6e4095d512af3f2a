using System.Text.RegularExpressions;

namespace Observatoire.Tests.Infrastructure;

/// <summary>
/// Instants are stored in UTC and the server runs in UTC: a page that prints an instant without going through
/// <see cref="ParisTime"/> shows the wrong hour (« 11 h 18 » for a 12 h 18 Paris send). These read the source tree
/// the way the layout tests do, so a new page cannot slip back to server time.
/// </summary>
public partial class ParisTimeTests
{
    private static readonly string Web = Path.Combine(FindRoot(), "src", "Observatoire.Web");

    [Fact]
    public void No_page_reads_or_converts_the_servers_own_time_zone()
    {
        var offenders = Offenders(ServerTime());
        Assert.True(offenders.Count == 0, "Heure du serveur au lieu de l'heure de Paris (passez par ParisTime) :\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_page_formats_or_prints_an_instant_without_ParisTime()
    {
        // Instants are named "…At" throughout the model (CreatedAt, LastSignInAt, At…): formatting one directly,
        // or printing it raw in a view, writes its UTC value.
        var offenders = Offenders(RawInstant());
        Assert.True(offenders.Count == 0, "Instant UTC formaté sans ParisTime :\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Only_ParisTime_writes_a_date_or_an_hour_for_people()
    {
        // One way of writing a day, a month or an hour: « 1er décembre 2025 », « 12 h 18 », the same on every page,
        // export and PDF, and never an instant formatted after a conversion of its own. Machine day values
        // (yyyy-MM-dd in URLs, inputs and exports) carry no hour and no name, and stay where they are.
        var offenders = Offenders(PeopleDateFormat());
        Assert.True(offenders.Count == 0, "Date ou heure formatée hors de ParisTime (passez par ParisTime.Date, Month, Period, Precise…) :\n"
            + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("@o.ObservedOn.ToString(\"d MMMM yyyy\", fr)", true)]
    [InlineData("ParisTime.ToParis(r.At).ToString(\"dd/MM/yyyy HH:mm:ss\", French.Culture)", true)]
    [InlineData("$\"Cette heure n'existe pas le {date:d MMMM yyyy}\"", true)]
    [InlineData("value=\"@i.StartTime?.ToString(\"HH:mm\")\"", true)]
    [InlineData("m.ToString(\"MMMM yyyy\", french)", true)]
    [InlineData("value=\"@f.From?.ToString(\"yyyy-MM-dd\")\"", false)]
    [InlineData("$\"observations-{today:yyyy-MM-dd}\"", false)]
    [InlineData("@Model.Total.ToString(\"N0\", fr)", false)]
    [InlineData("@ParisTime.Date(o.ObservedOn)", false)]
    public void The_people_date_rule_catches_what_it_should(string code, bool caught) =>
        Assert.Equal(caught, PeopleDateFormat().IsMatch(code));

    [Fact]
    public void A_day_reads_with_its_first_as_an_ordinal_and_a_period_in_words()
    {
        Assert.Equal("1er décembre 2025", ParisTime.Date(new DateOnly(2025, 12, 1)));
        Assert.Equal("du 1er décembre 2025 au 30 novembre 2026", ParisTime.Period(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal("1er trimestre 2026", ParisTime.Quarter(new DateOnly(2026, 3, 31)));
        Assert.Equal("4e trimestre 2025", ParisTime.Quarter(new DateOnly(2025, 10, 1)));
        // Winter: UTC+1. 10 h UTC on 15 January is 11 h in Paris; summer is UTC+2.
        Assert.Equal("15 janvier 2026 à 11\u00A0h\u00A000", ParisTime.Format(new DateTime(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("1er juillet 2026 à 12\u00A0h\u00A000", ParisTime.Format(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("15/01/2026 11:00:05", ParisTime.Precise(new DateTime(2026, 1, 15, 10, 0, 5, DateTimeKind.Utc)));
        Assert.Equal("2026-07-01 12:00", ParisTime.ExportHour(new DateTime(2026, 7, 1, 10, 41, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("r.LastSignInAt?.ToLocalTime() ?? x", true)]
    [InlineData("DateOnly.FromDateTime(DateTime.Now)", true)]
    [InlineData("TimeZoneInfo.ConvertTimeFromUtc(utc, Paris)", true)]
    [InlineData("DateTime.UtcNow", false)]
    public void The_server_time_rule_catches_what_it_should(string code, bool caught) =>
        Assert.Equal(caught, ServerTime().IsMatch(code));

    [Theory]
    [InlineData("@m.CreatedAt.ToString(\"g\")", true)]
    [InlineData("$\"le {s.At:d MMMM yyyy}\"", true)]
    [InlineData("<td>@r.LastSignInAt</td>", true)]
    [InlineData("$\"export-{DateTime.UtcNow:yyyy-MM-dd}\"", true)]
    [InlineData("@ParisTime.Format(m.CreatedAt)", false)]
    [InlineData("ParisTime.FromUtc(r.CreatedAt).ToString(\"yyyy-MM-dd HH:00\")", false)]
    [InlineData("@o.ObservedOn.ToString(\"d MMMM yyyy\", fr)", false)]
    public void The_raw_instant_rule_catches_what_it_should(string code, bool caught) =>
        Assert.Equal(caught, RawInstant().IsMatch(code));

    [Fact]
    public void An_hour_never_breaks_between_its_digits_and_its_h()
    {
        var at = new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc);

        // « 14 h / 00 » wrapped on a phone: the spaces inside an hour do not break.
        Assert.Equal("14\u00A0h\u00A000", ParisTime.Hour(at));
        Assert.EndsWith("14\u00A0h\u00A000", ParisTime.Format(at));
        Assert.EndsWith("14\u00A0h\u00A000", ParisTime.Long(at));
        Assert.Equal("mardi 24 novembre 2026, 14\u00A0h\u00A000 – 16\u00A0h\u00A030", ParisTime.Range(at, at.AddHours(2.5)));
    }

    [Fact]
    public void An_instant_reads_as_the_Paris_date_and_hour()
    {
        // 23 h 30 UTC on 15 March is already 16 March in Paris.
        var lateEvening = new DateTime(2026, 3, 15, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal("16 mars 2026 à 0\u00A0h\u00A030", ParisTime.Format(lateEvening));
    }

    private static List<string> Offenders(Regex rule) =>
        Directory.EnumerateFiles(Web, "*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !Under(f, "bin") && !Under(f, "obj") && !Under(f, "Migrations")
                && Path.GetFileName(f) != "ParisTime.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && rule.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Web, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

    private static bool Under(string file, string folder) =>
        file.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln"))) return dir.FullName;
        throw new InvalidOperationException("Observatoire.sln introuvable au-dessus du dossier des tests.");
    }

    /// <summary>The server's zone (ToLocalTime, DateTime.Now/Today) or a zone conversion of one's own.</summary>
    [GeneratedRegex(@"\.ToLocalTime\(|\.ToUniversalTime\(|\bDateTime(Offset)?\.(Now|Today)\b|\bTimeZoneInfo\.")]
    private static partial Regex ServerTime();

    /// <summary>
    /// An instant ("…At", or UtcNow) given a format (<c>.ToString(</c>, <c>{x.At:…}</c>) or printed raw in a view
    /// (<c>@r.At</c> not followed by a member access or a call).
    /// </summary>
    [GeneratedRegex(@"(\w*At|\bUtcNow)\??\s*\.ToString\(|\{[\w.]*(At|\bUtcNow)\??:|@([\w]+\.)*\w*At\b(?![\w.(])")]
    private static partial Regex RawInstant();

    /// <summary>
    /// A format with an hour (<c>H</c>), a month name (<c>MMM</c>) or a day name (<c>ddd</c>), given to
    /// <c>.ToString("…")</c> or inside an interpolation hole (<c>{x:d MMMM yyyy}</c>).
    /// </summary>
    [GeneratedRegex(@"\.ToString\(""[^""]*(H|MMM|ddd)[^""]*""|\{[^{}""]*:[^{}""]*(HH|MMM|ddd)[^{}]*\}")]
    private static partial Regex PeopleDateFormat();
}
