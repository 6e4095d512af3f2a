using System.Text.Json;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// A JSON array of flat objects (the portal's JSON exports) as a table: the header is every key in order of first
/// appearance, each object a row, a list value one cell joined with « , », true/false « oui »/« non », numbers as
/// written. Streamed twice with <see cref="Utf8JsonReader"/> over the bounded file (keys, then rows): no document is
/// built, one row at a time is in memory. Object <c>n</c> is « ligne n + 1 », the header being line 1 as in a spreadsheet.
/// Refused: anything but an array of objects, nesting deeper than a list in a value, a key twice in one object.
/// </summary>
internal sealed class JsonTabularReader : TabularReader
{
    /// <summary>Array › object › list value: anything deeper is not a table.</summary>
    private const int MaxDepth = 3;

    private readonly byte[] json;

    private JsonTabularReader(byte[] json, TabularLimits limits) : base(limits) => this.json = json;

    public override TabularFormat Format => TabularFormat.Json;

    public static JsonTabularReader Open(Stream stream, bool owned, TabularLimits limits)
    {
        try
        {
            // Seekable and already checked against MaxFileBytes by TabularFile.
            var bytes = new byte[stream.Length];
            stream.Position = 0;
            stream.ReadExactly(bytes);
            return new JsonTabularReader(bytes, limits);
        }
        finally
        {
            if (owned) stream.Dispose();
        }
    }

    protected override IEnumerable<RawRow> ReadRawRows()
    {
        var keys = Keys();
        yield return new RawRow(1, keys);
        var index = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var state = default(JsonReaderState);
        var position = 0;
        var line = 1;
        while (true)
        {
            var (row, next, consumed) = NextObject(state, position, line + 1, index);
            if (row is null) yield break;
            (state, position, line) = (next, consumed, line + 1);
            yield return new RawRow(line, row);
        }
    }

    /// <summary>Every key of every object, in order of first appearance (the first pass).</summary>
    private List<string> Keys()
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reader = Start(default, 0);
        var line = 1;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            line++;
            var inObject = new HashSet<string>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var key = Text(ref reader)!;
                if (!inObject.Add(key)) throw new TabularFileException(TabularMessages.JsonDuplicateKey(line, key));
                if (seen.Add(key))
                {
                    keys.Add(key);
                    if (keys.Count > Limits.MaxColumns) throw new TabularFileException(TabularMessages.TooManyColumns(line, Limits.MaxColumns));
                }
                Value(ref reader, line, key);
            }
        }
        End(ref reader);
        return keys;
    }

    /// <summary>The next object's cells, from where the previous one ended (0: the array's start); null after the array's end.</summary>
    private (string?[]? Row, JsonReaderState State, int Position) NextObject(JsonReaderState state, int position, int line,
        Dictionary<string, int> index)
    {
        var reader = Start(state, position);
        if (Next(ref reader) == JsonTokenType.EndArray)
        {
            End(ref reader);
            return (null, default, 0);
        }
        var row = new string?[index.Count];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var key = Text(ref reader)!;
            row[index[key]] = Value(ref reader, line, key);
        }
        return (row, reader.CurrentState, position + (int)reader.BytesConsumed);
    }

    /// <summary>A reader just inside the array (<paramref name="position"/> 0), or resumed after an object.</summary>
    private Utf8JsonReader Start(JsonReaderState state, int position)
    {
        // Past a UTF-8 byte-order mark, which the JSON reader does not skip by itself.
        var body = json.AsSpan(json.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? System.Text.Encoding.UTF8.Preamble.Length : 0);
        if (position > 0) return new Utf8JsonReader(body[position..], isFinalBlock: true, state);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (Next(ref reader) != JsonTokenType.StartArray) throw new TabularFileException(TabularMessages.JsonNotATable);
        return reader;
    }

    /// <summary>The next token; a syntax error or a nesting too deep is the French « mal formé ».</summary>
    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        try
        {
            if (!reader.Read()) throw new TabularFileException(TabularMessages.MalformedJson);
        }
        catch (JsonException)
        {
            throw new TabularFileException(TabularMessages.MalformedJson);
        }
        // Inside the array, only objects: a scalar or a list as a row is not a table.
        if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndObject))
            throw new TabularFileException(TabularMessages.JsonNotATable);
        return reader.TokenType;
    }

    /// <summary>Nothing but blanks after the array.</summary>
    private static void End(ref Utf8JsonReader reader)
    {
        try
        {
            if (reader.Read()) throw new TabularFileException(TabularMessages.MalformedJson);
        }
        catch (JsonException)
        {
            throw new TabularFileException(TabularMessages.MalformedJson);
        }
    }

    /// <summary>A string or key; invalid UTF-8 inside it is the French « mal formé ».</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            throw new TabularFileException(TabularMessages.MalformedJson);
        }
    }

    /// <summary>The value after a key, as a cell: scalars as written, a list of scalars joined with « , ».</summary>
    private static string? Value(ref Utf8JsonReader reader, int line, string key)
    {
        var token = Next(ref reader);
        if (token != JsonTokenType.StartArray) return Scalar(ref reader, line, key);
        var items = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
            if (Scalar(ref reader, line, key) is { } item) items.Add(item);
        return string.Join(", ", items);
    }

    private static string? Scalar(ref Utf8JsonReader reader, int line, string key) => reader.TokenType switch
    {
        JsonTokenType.String => Text(ref reader),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "oui",
        JsonTokenType.False => "non",
        JsonTokenType.Null => null,
        _ => throw new TabularFileException(TabularMessages.JsonNested(line, key)),
    };

    protected override void DisposeSource() { }
}
