using System.Text.RegularExpressions;
using DiffPlex;

namespace Observatoire.Web.Pages.Wiki;

public enum DiffKind { Same, Added, Removed }

public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// The outcome of a three-way merge: the merged text, or null when both sides changed the same lines; and the merge
/// stretch by stretch, where each conflict keeps both sides' lines for the person who resolves it.
/// </summary>
public sealed record MergeResult(string? Merged, IReadOnlyList<MergePart> Parts)
{
    public bool Succeeded => Merged is not null;
}

/// <summary>Lines the merge settled (<see cref="Text"/>), or a conflict: what each side wrote there instead.</summary>
public sealed record MergePart(string? Text, string? Mine = null, string? Theirs = null)
{
    public bool IsConflict => Text is null;
}

/// <summary>Word-level comparison of two revisions, and the three-way merge of concurrent edits.</summary>
public static partial class WikiDiff
{
    /// <summary>Words, runs of white space and single punctuation marks: a reader sees whole words change.</summary>
    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    private sealed class WordTokens : IChunker
    {
        public static readonly WordTokens Instance = new();
        public IReadOnlyList<string> Chunk(string text) => Token().Matches(text).Select(m => m.Value).ToArray();
    }

    private sealed class ExactLines : IChunker
    {
        public static readonly ExactLines Instance = new();
        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }

    public static IReadOnlyList<DiffSegment> Words(string? oldText, string? newText)
    {
        var result = Differ.Instance.CreateDiffs(Normalize(oldText), Normalize(newText), false, false, WordTokens.Instance);
        var segments = new List<DiffSegment>();
        void Add(DiffKind kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Kind == kind)
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else
                segments.Add(new DiffSegment(kind, text));
        }
        var position = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffKind.Same, result.PiecesOld.Skip(position).Take(block.DeleteStartA - position));
            Add(DiffKind.Removed, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffKind.Added, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            position = block.DeleteStartA + block.DeleteCountA;
        }
        Add(DiffKind.Same, result.PiecesOld.Skip(position));
        return segments;
    }

    /// <summary>
    /// Line-level diff3: changes of <paramref name="mine"/> and <paramref name="theirs"/> relative to
    /// <paramref name="baseText"/> are both applied when they touch different lines; if they touch the same
    /// (or adjacent) lines differently, there is no automatic result and the user decides.
    /// </summary>
    public static MergeResult Merge(string? baseText, string? mine, string? theirs)
    {
        var b = Lines(baseText);
        var m = Lines(mine);
        var t = Lines(theirs);
        if (m.SequenceEqual(t)) return new MergeResult(Join(m), [new MergePart(Join(m))]);
        var hunks = Hunks(b, m, Side.Mine).Concat(Hunks(b, t, Side.Theirs))
            .OrderBy(h => h.BaseStart).ThenBy(h => h.BaseEnd).ToList();

        var output = new List<string>();
        var parts = new List<MergePart>();
        void Settled()
        {
            if (output.Count > 0) parts.Add(new MergePart(Join(output)));
            output.Clear();
        }
        var conflicts = false;
        var basePos = 0;
        // How far each side's line numbers have drifted from the base's, through the groups already merged.
        var mineOffset = 0;
        var theirsOffset = 0;
        var i = 0;
        while (i < hunks.Count)
        {
            // A group: hunks whose base ranges overlap or touch; it merges only if one side alone changed it.
            var start = hunks[i].BaseStart;
            var end = hunks[i].BaseEnd;
            var group = new List<Hunk> { hunks[i++] };
            while (i < hunks.Count && hunks[i].BaseStart <= end)
            {
                end = Math.Max(end, hunks[i].BaseEnd);
                group.Add(hunks[i++]);
            }
            output.AddRange(b[basePos..start]);
            var mineDelta = group.Where(h => h.Side == Side.Mine).Sum(h => h.Delta);
            var theirsDelta = group.Where(h => h.Side == Side.Theirs).Sum(h => h.Delta);
            var mineText = m[(start + mineOffset)..(end + mineOffset + mineDelta)];
            var theirsText = t[(start + theirsOffset)..(end + theirsOffset + theirsDelta)];
            var touchedByMine = group.Any(h => h.Side == Side.Mine);
            var touchedByTheirs = group.Any(h => h.Side == Side.Theirs);
            if (touchedByMine && touchedByTheirs && !mineText.SequenceEqual(theirsText))
            {
                conflicts = true;
                Settled();
                parts.Add(new MergePart(null, Join(mineText), Join(theirsText)));
            }
            else
            {
                output.AddRange(touchedByMine ? mineText : theirsText);
            }
            mineOffset += mineDelta;
            theirsOffset += theirsDelta;
            basePos = end;
        }
        output.AddRange(b[basePos..]);
        var merged = conflicts ? null : Join(output);
        Settled();
        return new MergeResult(merged, parts);
    }

    private enum Side { Mine, Theirs }

    /// <summary>A change of one side: base lines [BaseStart, BaseEnd) replaced by that side's lines [SideStart, SideEnd).</summary>
    private sealed record Hunk(Side Side, int BaseStart, int BaseEnd, int SideStart, int SideEnd)
    {
        public int Delta => (SideEnd - SideStart) - (BaseEnd - BaseStart);
    }

    private static IEnumerable<Hunk> Hunks(string[] baseLines, string[] sideLines, Side side)
    {
        var diff = Differ.Instance.CreateDiffs(Join(baseLines), Join(sideLines), false, false, ExactLines.Instance);
        return diff.DiffBlocks.Select(d => new Hunk(side, d.DeleteStartA, d.DeleteStartA + d.DeleteCountA,
            d.InsertStartB, d.InsertStartB + d.InsertCountB));
    }

    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n');

    private static string[] Lines(string? text) => Normalize(text).Split('\n');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);
}
