using System.Text.RegularExpressions;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>
/// What changed between two syntheses (or two periods): each key figure and chart bar side by side with its difference,
/// the validated observations that entered or left the scope, and the list values merged or renamed in between.
/// </summary>
public static partial class SynthesisComparison
{
    /// <summary>Observations listed per side at most; beyond, the page gives their number.</summary>
    public const int MaxListed = 500;

    /// <summary>What decides which observations a synthesis counts: its period and three dimensions (not its title or chapters).</summary>
    public static string Scope(SynthesisRequest r) =>
        $"{r.From}|{r.To}|{string.Join(',', r.Territories)}|{string.Join(',', r.Themes)}|{string.Join(',', r.Audiences)}";

    public sealed record FigureRow(string Label, string First, string Second, string Difference);

    public sealed record ChartRows(string Id, string Label, string Unit, IReadOnlyList<BarRow> Bars);

    public sealed record BarRow(string? Group, string Label, string First, string Second, string Difference);

    public sealed record ObservationRow(int Id, string Title, DateOnly ObservedOn, string Structure, string Territory, string Reason);

    /// <summary>The observations of one direction: those the reader may open, and the others counted by reason.</summary>
    public sealed record Movement(int Total, IReadOnlyList<ObservationRow> Listed, IReadOnlyList<NotShown> NotShown);

    /// <summary>« 1 observation supprimée depuis », « 3 observations qui ne sont plus validées ».</summary>
    public sealed record NotShown(int Count, string One, string Many)
    {
        public string Text => Count == 1 ? $"1 observation {One}" : $"{Count.ToString("N0", French.Culture)} observations {Many}";
    }

    public sealed record ReferenceChange(DateTime At, string Kind, string Value, string Details);

    /// <summary>Key figures in the later side's order (then those only the earlier printed); a hidden value gives no difference.</summary>
    public static IReadOnlyList<FigureRow> Figures(SynthesisFigures first, SynthesisFigures second)
    {
        var before = first.KeyFigures.ToDictionary(f => f.Id);
        var after = second.KeyFigures.ToDictionary(f => f.Id);
        return [.. second.KeyFigures.Select(f => f.Id).Concat(first.KeyFigures.Select(f => f.Id)).Distinct().Select(id =>
        {
            var (a, b) = (before.GetValueOrDefault(id), after.GetValueOrDefault(id));
            var label = (b ?? a)!.Label;
            var difference = a?.Number is decimal x && b?.Number is decimal y ? Difference(y - x, (b ?? a)!.Percent) : "—";
            return new FigureRow(label, a?.Shown ?? Absent, b?.Shown ?? Absent, difference);
        })];
    }

    /// <summary>Charts bar by bar (matched by group and label); a bar one side lacks reads « absent ».</summary>
    public static IReadOnlyList<ChartRows> Charts(SynthesisFigures first, SynthesisFigures second)
    {
        var before = first.Charts.ToDictionary(c => c.Id);
        var after = second.Charts.ToDictionary(c => c.Id);
        return [.. second.Charts.Select(c => c.Id).Concat(first.Charts.Select(c => c.Id)).Distinct().Select(id =>
        {
            var (a, b) = (before.GetValueOrDefault(id), after.GetValueOrDefault(id));
            // Labels are unique within a chart (a quartier carries its commune); the first is kept should two ever meet.
            var barsBefore = (a?.Bars ?? []).GroupBy(x => (x.Group, x.Label)).ToDictionary(g => g.Key, g => g.First());
            var barsAfter = (b?.Bars ?? []).GroupBy(x => (x.Group, x.Label)).ToDictionary(g => g.Key, g => g.First());
            var keys = (b?.Bars ?? []).Select(x => (x.Group, x.Label)).Concat((a?.Bars ?? []).Select(x => (x.Group, x.Label))).Distinct();
            var rows = keys.Select(k =>
            {
                var (x, y) = (barsBefore.GetValueOrDefault(k), barsAfter.GetValueOrDefault(k));
                var difference = x?.Number is int n && y?.Number is int m ? Difference(m - n, false) : "—";
                return new BarRow(k.Group, k.Label, x?.Shown ?? Absent, y?.Shown ?? Absent, difference);
            });
            var chart = (b ?? a)!;
            return new ChartRows(id, chart.Label, chart.Unit, [.. rows]);
        })];
    }

    private const string Absent = "absent";

    /// <summary>« +2 », « −1 », « 0 »; a share: « +2,5 points ».</summary>
    private static string Difference(decimal d, bool percent)
    {
        var text = d switch
        {
            > 0 => "+" + d.ToString("#,0.#", French.Culture),
            < 0 => "−" + (-d).ToString("#,0.#", French.Culture),
            _ => "0",
        };
        return percent ? $"{text} point{(Math.Abs(d) >= 2 ? "s" : "")}" : text;
    }

    /// <summary>Which way an observation moved between the two syntheses.</summary>
    public enum Direction { Entered, Left, Edited }

    /// <summary>The fields of an observation's history that a synthesis counts; its texts change no figure.</summary>
    public static readonly IReadOnlySet<string> CountedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "Date", "Structure", "Territoire", "Outils", "Thèmes", "Publics", "Participants", "Niveau d'appropriation",
    };

    /// <summary>
    /// What each observation's history says was changed in its counted fields after <paramref name="from"/> up to
    /// <paramref name="to"/> (edits by hand and by import): « Participants : 4 → 7 ; Territoire : Sanitas → Rabière ».
    /// A field changed and then changed back is not told. Observations whose counted fields did not change are absent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> EditsAsync(ObservatoireDbContext db, IReadOnlySet<int> ids,
        DateTime from, DateTime to, CancellationToken ct)
    {
        ObservationChangeKind[] kinds = [ObservationChangeKind.Edited, ObservationChangeKind.Submitted];
        // The window is read first: edits between two syntheses are few, and ids may be a whole synthesis's count.
        var changes = await db.ObservationChanges.AsNoTracking().Where(c => c.At > from && c.At <= to && kinds.Contains(c.Kind))
            .OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new { c.ObservationId, c.Changes }).ToListAsync(ct);
        var edits = new Dictionary<int, string>();
        foreach (var observation in changes.Where(c => ids.Contains(c.ObservationId)).GroupBy(c => c.ObservationId))
        {
            var fields = observation.SelectMany(c => c.Changes).Where(f => CountedFields.Contains(f.Field)).GroupBy(f => f.Field)
                .Select(f => (Field: f.Key, Before: f.First().Before ?? "", After: f.Last().After ?? ""))
                .Where(f => f.Before != f.After)
                .Select(f => $"{f.Field} : {(f.Before.Length == 0 ? "(vide)" : f.Before)} → {(f.After.Length == 0 ? "(vide)" : f.After)}")
                .ToList();
            if (fields.Count > 0) edits[observation.Key] = string.Join(" ; ", fields);
        }
        return edits;
    }

    /// <summary>
    /// The observations of <paramref name="ids"/> (entered, left, or counted by both and edited), with why: the changes
    /// their history holds between the two syntheses (<paramref name="edits"/>), else what their record says today. Only
    /// those <paramref name="access"/> may read are listed; the others are counted by reason, which names no record.
    /// </summary>
    /// <param name="earlierAt">When the earlier synthesis was generated: validated after it, an observation is « validée depuis ».</param>
    public static async Task<Movement> MovementAsync(ObservatoireDbContext db, ObservationAccess access, IReadOnlyList<int> ids,
        Direction direction, DateTime earlierAt, IReadOnlyDictionary<int, string> edits, CancellationToken ct)
    {
        var wanted = ids.Take(MaxListed).ToArray();
        var found = await db.Observations.AsNoTracking().Where(o => wanted.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.Title, o.ObservedOn, o.Status, o.StructureId, o.CreatedById, o.ValidatedAt, Structure = o.Structure.Name,
                Territory = o.Territory.Name, Commune = o.Territory.Parent == null ? null : o.Territory.Parent.Name,
            })
            .ToDictionaryAsync(o => o.Id, ct);
        var listed = new List<ObservationRow>();
        var notShown = new List<(string One, string Many)>();
        foreach (var id in wanted)
        {
            if (!found.TryGetValue(id, out var o)) notShown.Add(("supprimée depuis", "supprimées depuis"));
            else if (!access.CanSee(o.Status, o.StructureId, o.CreatedById)) notShown.Add(("qui n'est plus validée", "qui ne sont plus validées"));
            else
            {
                var edited = edits.GetValueOrDefault(id);
                var reason = o.Status != ObservationStatus.Validated ? $"n'est plus validée (aujourd'hui : {o.Status.Label().ToLowerInvariant()})"
                    : direction == Direction.Edited ? $"modifiée : {edited}"
                    : direction == Direction.Left ? $"sortie du périmètre : {edited ?? "sa date, son territoire, ses thèmes ou ses publics ont changé"}"
                    : o.ValidatedAt is DateTime at && at > earlierAt ? $"validée le {ParisTime.Format(at)}"
                    : $"entrée dans le périmètre : {edited ?? "sa date, son territoire, ses thèmes ou ses publics ont changé"}";
                listed.Add(new ObservationRow(o.Id, o.Title, o.ObservedOn, o.Structure, Territory.Label(o.Territory, o.Commune), reason));
            }
        }
        return new Movement(ids.Count, listed, [.. notShown.GroupBy(r => r).Select(g => new NotShown(g.Count(), g.Key.One, g.Key.Many))]);
    }

    /// <summary>
    /// List values merged or renamed after <paramref name="from"/> up to <paramref name="to"/> (the audit log keeps both, wherever a
    /// merge was made), and tools merged in the directory, when they name a value of <paramref name="names"/>: a bar, a chosen value.
    /// </summary>
    public static async Task<IReadOnlyList<ReferenceChange>> ReferenceChangesAsync(ObservatoireDbContext db, DateTime from, DateTime to,
        IReadOnlySet<string> names, CancellationToken ct)
    {
        string[] actions = [AuditActions.ListValuesMerged, AuditActions.ListValueRenamed];
        var audit = await db.AuditEntries.AsNoTracking().Where(e => actions.Contains(e.Action) && e.At > from && e.At <= to)
            .OrderBy(e => e.At).Select(e => new { e.At, e.Action, e.Target, e.Details }).ToListAsync(ct);
        var tools = await db.DirectoryChanges.AsNoTracking()
            .Where(c => c.Kind == DirectoryChangeKind.Merged && c.RecordKind == DirectoryRecordKind.Tool && c.Field == "Doublon fusionné"
                        && c.At > from && c.At <= to)
            .OrderBy(c => c.At).Select(c => new { c.At, c.Before, c.After }).ToListAsync(ct);
        return [.. audit.Select(e => new ReferenceChange(e.At, e.Action == AuditActions.ListValuesMerged ? "Fusion" : "Renommage", e.Target ?? "", e.Details ?? ""))
            .Concat(tools.Select(t => new ReferenceChange(t.At, "Fusion", $"outil « {t.After} »", $"Doublon fusionné : « {t.Before} » → « {t.After} »")))
            .Where(c => Quoted().Matches(c.Details).Any(m => Named(m.Groups[1].Value, names)))
            .OrderBy(c => c.At)];
    }

    /// <summary>« Centre » names the bar « Centre (Tours) »: territories are shown with their commune.</summary>
    private static bool Named(string name, IReadOnlySet<string> names) =>
        names.Contains(name) || names.Any(n => n.StartsWith(name + " (", StringComparison.Ordinal));

    [GeneratedRegex("« (.+?) »")]
    private static partial Regex Quoted();
}
