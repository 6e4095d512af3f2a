using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Observatoire.Web.Pages.Dashboard;

/// <summary>
/// The public open data (/donnees-ouvertes): every public indicator of the catalogue as one CSV per period, described by a
/// Frictionless Table Schema. The figures are the public dashboard's own (<see cref="DashboardFigures"/> for a visitor
/// without an account, published under <see cref="PublicationRule"/>), whoever asks: the page, the CSV and the PDF agree.
/// The formats are documented in docs/open-data.md; change both together.
/// </summary>
public static partial class OpenDataTables
{
    public const string Root = "/donnees-ouvertes";

    /// <summary>What a suppressed count's cell says to a spreadsheet user (it is « &lt; 5 » on the dashboard, too).</summary>
    public const string Yes = "oui";
    public const string No = "non";

    /// <summary>Every public indicator of the catalogue, in its order: a new one is published here (or fails the tests).</summary>
    public static IEnumerable<Indicators.Definition> Published => Indicators.All.Where(d => d.Public);

    /// <summary>Today in Tours: a period is published once its first day has come there.</summary>
    public static DateOnly Today() => ParisTime.Today(DateTime.UtcNow);

    public static Indicators.Definition? Find(string? id) => Published.FirstOrDefault(d => d.Id == id);

    /// <summary>A chart has one row per bar; any other public indicator is a key figure: one row.</summary>
    public static bool IsChart(Indicators.Definition indicator) => DashboardFigures.PublicChartIds.Contains(indicator.Id);

    public static string[] Columns(Indicators.Definition indicator) => IsChart(indicator)
        ? ["periode", "date_debut", "date_fin", "code", "libelle", "valeur", "masque"]
        : ["periode", "date_debut", "date_fin", "valeur", "masque"];

    public static string CsvUrl(Indicators.Definition indicator, Period period) => $"{Root}/{indicator.Id}/{period.Code}.csv";

    public static string SchemaUrl(Indicators.Definition indicator) => $"{Root}/{indicator.Id}.schema.json";

    /// <summary>
    /// A period of the open data: a year (« 2025 »), a quarter (« 2025-T1 ») or a month (« 2025-03 »). Only periods that
    /// have begun are published: a file's address then always names the same days.
    /// </summary>
    public sealed record Period(string Code, DateOnly From, DateOnly To, string Label)
    {
        /// <summary>Before this year nothing was observed: an address naming one is a mistake, not an empty file.</summary>
        public const int FirstYear = 2000;

        public static Period? Parse(string? code, DateOnly today)
        {
            var m = code is null ? null : PeriodCode().Match(code);
            if (m is null || !m.Success) return null;
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (year < FirstYear) return null;
            Period period;
            if (m.Groups["q"].Success)
            {
                var quarter = m.Groups["q"].Value[0] - '0';
                var from = new DateOnly(year, 3 * quarter - 2, 1);
                period = new(code!, from, from.AddMonths(3).AddDays(-1), $"{(quarter == 1 ? "1er" : $"{quarter}e")} trimestre {year}");
            }
            else if (m.Groups["m"].Success)
            {
                var from = new DateOnly(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), 1);
                period = new(code!, from, from.AddMonths(1).AddDays(-1), ParisTime.Month(from));
            }
            else period = new(code!, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"année {year}");
            return period.From <= today ? period : null;
        }

        /// <summary>Every period of <paramref name="year"/> that has begun: the year, its quarters, its months.</summary>
        public static IEnumerable<Period> Of(int year, DateOnly today) =>
            new[] { $"{year}" }.Concat(Enumerable.Range(1, 4).Select(q => $"{year}-T{q}"))
                .Concat(Enumerable.Range(1, 12).Select(m => $"{year}-{m:00}"))
                .Select(code => Parse(code, today)).OfType<Period>();

        public static Period Current(DateOnly today) => Parse($"{today.Year}", today)!;

        public string Start => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        public string End => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The years the data package lists: from the first validated observation's year (at the earliest <see cref="Period.FirstYear"/>) to this one.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(ObservatoireDbContext db, DateOnly today, CancellationToken ct)
    {
        var first = await db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Validated)
            .MinAsync(o => (DateOnly?)o.ObservedOn, ct);
        var from = Math.Clamp(first?.Year ?? today.Year, Period.FirstYear, today.Year);
        return Enumerable.Range(from, today.Year - from + 1).Reverse().ToList();
    }

    /// <summary>
    /// The indicator's table for the period, as the public dashboard of those days shows it; null when the dashboard
    /// does not show it to the public (then no file is published).
    /// </summary>
    public static async Task<byte[]?> CsvAsync(ObservatoireDbContext db, Suppression suppression, Indicators.Definition indicator,
        Period period, CancellationToken ct)
    {
        var filter = new DashboardFilter { From = period.From, To = period.To };
        // Never a member's view, whoever asks: an open file is the same for everyone, so shared caches may keep it.
        var board = await DashboardFigures.LoadAsync(db, filter, member: false, suppression, ct, publication: true);
        string[] days = [period.Code, period.Start, period.End];
        List<string?[]> rows;
        if (IsChart(indicator))
        {
            if (await board.ChartAsync(indicator.Id, ct) is not { } chart) return null;
            rows = chart.Bars.Select(b => (string?[])[.. days, b.Key, b.Label, .. Count(b.Value, b.Display)]).ToList();
        }
        else
        {
            if ((await board.KeyFiguresAsync(ct)).FirstOrDefault(f => f.Definition.Id == indicator.Id) is not { } figure) return null;
            rows = [[.. days, .. Count(figure.Count, figure.Value)]];
        }
        return Csv.Write(Columns(indicator), rows, byteOrderMark: false);
    }

    /// <summary>The value and masque cells: the exact count, or the dashboard's « &lt; 5 » and « oui ».</summary>
    private static string[] Count(long? published, string display) => published is long n
        ? [n.ToString(CultureInfo.InvariantCulture), No]
        : [display, Yes];

    /// <summary>What the chart's code column holds, per public chart.</summary>
    private static readonly Dictionary<string, (string Type, string Title, string Description)> Codes = new()
    {
        ["themes"] = ("string", "Code du thème", "Identifiant stable du thème (celui des adresses du portail), le nom pouvant changer."),
        ["territoires"] = ("string", "Code du territoire",
            "Identifiant stable du territoire : le quartier, ou la commune quand le quartier n'est pas précisé."),
        ["tendance"] = ("yearmonth", "Mois", "Mois d'observation, au format AAAA-MM."),
    };

    /// <summary>
    /// The Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of an indicator's files, the same
    /// for every period: its definition and the suppression rule are in the description.
    /// </summary>
    public static JsonObject Schema(Indicators.Definition indicator, int threshold)
    {
        var masked = $"< {threshold}";
        var fields = new JsonArray
        {
            Field("periode", "string", "Période", "Code de la période : AAAA pour une année, AAAA-Tn pour un trimestre (n de 1 à 4), AAAA-MM pour un mois.",
                new JsonObject { ["required"] = true, ["pattern"] = PeriodPattern }),
            Field("date_debut", "date", "Début de la période", "Premier jour de la période, inclus (AAAA-MM-JJ).", Required()),
            Field("date_fin", "date", "Fin de la période", "Dernier jour de la période, inclus (AAAA-MM-JJ).", Required()),
        };
        if (IsChart(indicator))
        {
            (string Type, string Title, string Description) code =
                Codes.GetValueOrDefault(indicator.Id, ("string", "Code", "Identifiant stable de ce qui est compté sur la ligne."));
            fields.Add(Field("code", code.Type, code.Title, code.Description, Required()));
            fields.Add(Field("libelle", "string", "Libellé", "Ce qui est compté sur la ligne, tel que le tableau de bord l'affiche.", Required()));
        }
        fields.Add(Field("valeur", "integer", indicator.Label,
            $"{indicator.Label} sur la période. Vide au sens de Table Schema (« {masked} » dans le fichier, comme sur le tableau de bord) quand l'effectif est masqué.",
            new JsonObject { ["minimum"] = 0 }));
        var flag = Field("masque", "boolean", "Effectif masqué",
            $"« {Yes} » quand l'effectif, non nul et inférieur à {threshold}, est masqué par la règle de publication ; « {No} » sinon.", Required());
        flag["trueValues"] = new JsonArray(Yes);
        flag["falseValues"] = new JsonArray(No);
        fields.Add(flag);
        return new JsonObject
        {
            ["name"] = indicator.Id,
            ["title"] = indicator.Label,
            ["description"] = Description(indicator, threshold),
            ["fields"] = fields,
            ["missingValues"] = new JsonArray("", masked),
            ["primaryKey"] = IsChart(indicator) ? new JsonArray("periode", "code") : new JsonArray("periode"),
        };
    }

    /// <summary>The indicator's definition, the publication rule and how a suppressed count is written: one text, schema and package alike.</summary>
    public static string Description(Indicators.Definition indicator, int threshold) =>
        $"{indicator.Description} {PublicationRule.Counts(threshold)} Dans ce fichier, un effectif masqué s'écrit « < {threshold} » " +
        $"dans la colonne valeur et la colonne masque vaut « {Yes} ». Les chiffres sont ceux du tableau de bord public de la même période. " +
        "CSV en UTF-8 sans BOM, séparateur « ; ».";

    /// <summary>
    /// The Frictionless Data Package listing every indicator for every year (quarters and months follow the same
    /// addresses, see the description). Paths are relative to the package's own address.
    /// </summary>
    public static JsonObject Package(IReadOnlyList<int> years, DateOnly today, int threshold)
    {
        var resources = new JsonArray();
        foreach (var year in years)
            foreach (var indicator in Published)
            {
                var period = Period.Parse($"{year}", today)!;
                resources.Add(new JsonObject
                {
                    ["name"] = $"{indicator.Id}-{year}",
                    ["title"] = $"{indicator.Label} — {period.Label}",
                    ["description"] = indicator.Description,
                    ["profile"] = "tabular-data-resource",
                    ["path"] = CsvUrl(indicator, period)[(Root.Length + 1)..],
                    ["format"] = "csv",
                    ["mediatype"] = "text/csv",
                    ["encoding"] = "utf-8",
                    ["dialect"] = new JsonObject { ["delimiter"] = ";", ["header"] = true },
                    ["schema"] = SchemaUrl(indicator)[(Root.Length + 1)..],
                });
            }
        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "indicateurs-publics",
            ["title"] = "Indicateurs publics de l'observatoire",
            ["description"] =
                "Chaque indicateur public du tableau de bord, un fichier CSV par année. Le même indicateur se lit aussi par trimestre " +
                $"({Root}/<indicateur>/AAAA-Tn.csv) et par mois ({Root}/<indicateur>/AAAA-MM.csv). {PublicationRule.Counts(threshold)}",
            ["resources"] = resources,
        };
    }

    /// <summary>JSON for files, not for a page: accents and « &lt; » stay as typed (the content type is application/json, never HTML).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonObject Field(string name, string type, string title, string description, JsonObject constraints) => new()
    {
        ["name"] = name, ["type"] = type, ["title"] = title, ["description"] = description, ["constraints"] = constraints,
    };

    private static JsonObject Required() => new() { ["required"] = true };

    /// <summary>A Table Schema pattern is XML Schema syntax: it matches the whole value, without ^ and $.</summary>
    private const string PeriodPattern = "[0-9]{4}(-T[1-4]|-(0[1-9]|1[0-2]))?";

    [GeneratedRegex(@"^(?<y>[0-9]{4})(-T(?<q>[1-4])|-(?<m>0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodCode();
}
