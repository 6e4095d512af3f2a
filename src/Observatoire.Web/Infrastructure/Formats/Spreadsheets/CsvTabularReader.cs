using System.Text;
using CsvHelper;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// A CSV file read by CsvHelper. The encoding is UTF-16 when a byte-order mark says so (Excel's « Texte Unicode »),
/// UTF-8 (with or without a byte-order mark) when every byte of the file decodes strictly as UTF-8, otherwise Windows-1252 (what Excel for Windows writes in France): a Windows-1252
/// file with an accent is almost never valid UTF-8, while the reverse guess would silently turn « é » into « Ã© ».
/// The separator is our own count on the header line (<see cref="DetectSeparator"/>), not CsvHelper's detection:
/// CsvHelper breaks a tie towards <c>,</c>, and French files are the other way round — Excel writes <c>;</c> in France
/// and commas fill the text (« Tours, Sanitas »). Excel's « sep=; » first line is left to CsvHelper, which honours it.
/// </summary>
internal sealed class CsvTabularReader : TabularReader
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly Stream stream;
    private readonly bool ownsStream;
    private readonly CsvReader csv;
    private readonly string encodingName;

    private CsvTabularReader(Stream stream, bool ownsStream, string encodingName, char? separator, TabularLimits limits) : base(limits)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.encodingName = encodingName;
        csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            HasHeader = false, // the header is the first non-empty row, found by TabularReader like in a spreadsheet
            TrackLineNumbers = true,
            Encoding = encodingName == "Windows-1252" ? Windows1252 : null, // null: UTF-8, or what a UTF-16 BOM says
            Separator = separator,
            // Bounds the buffer an unclosed quote makes CsvHelper grow (UTF-8 bytes: up to 3 per char of a cell).
            MaxRecordSize = (int)Math.Min(int.MaxValue, Math.Max(limits.MaxFileBytes, 1L) * 3 + 1024),
        }, leaveOpen: true);
    }

    /// <summary>Opens a seekable CSV stream from its start; refuses a binary file.</summary>
    public static CsvTabularReader Open(Stream stream, bool ownsStream, TabularLimits limits)
    {
        stream.Position = 0;
        var encoding = HasUtf16ByteOrderMark(stream) ? "UTF-16" : IsStrictUtf8Text(stream) ? "UTF-8" : "Windows-1252";
        stream.Position = 0;
        var separator = DetectSeparator(stream);
        stream.Position = 0;
        return new CsvTabularReader(stream, ownsStream, encoding, separator, limits);
    }

    /// <summary>Excel's « Texte Unicode » export: UTF-16 with a byte-order mark, which CsvHelper honours.</summary>
    private static bool HasUtf16ByteOrderMark(Stream stream)
    {
        Span<byte> head = stackalloc byte[2];
        var length = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return length == 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF);
    }

    /// <summary>
    /// The separator of the first non-blank line: the most frequent of <c>;</c> tab <c>,</c> outside quotes, a tie
    /// going in that order; null for a file starting with Excel's « sep= » line, which CsvHelper reads. The bytes are
    /// scanned as they are: these characters and the quote are ASCII, the same byte in UTF-8 and Windows-1252, and
    /// the same byte beside a zero in UTF-16.
    /// </summary>
    private static char? DetectSeparator(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = buffer.AsSpan(0, length);
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) text = text[3..];
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) text = text[2..];
        if (text.StartsWith("sep="u8)) return null;
        char[] candidates = [';', '\t', ','];
        var counts = new int[candidates.Length];
        var quoted = false;
        var blank = true;
        foreach (var b in text)
        {
            if (b == '"') quoted = !quoted;
            else if (!quoted && b is (byte)'\n' or (byte)'\r')
            {
                if (!blank) break;
            }
            else if (!quoted && Array.IndexOf(candidates, (char)b) is var i and >= 0) counts[i]++;
            if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or 0)) blank = false;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return candidates[best];
    }

    public override TabularFormat Format => TabularFormat.Csv;
    public override string Encoding => encodingName;
    public override char? Delimiter => (char)csv.Separator;

    protected override IEnumerable<RawRow> ReadRawRows()
    {
        while (Read())
        {
            var cells = new string?[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            yield return new RawRow(checked((int)csv.LineNumber), cells);
        }
    }

    /// <summary>CsvHelper recovers from bad quoting by itself; what it still rejects gets a French message.</summary>
    private bool Read()
    {
        try { return csv.Read(); }
        catch (CsvFormatException) { throw new TabularFileException(TabularMessages.MalformedCsv); }
    }

    /// <summary>
    /// Whether the whole stream decodes as UTF-8 without a single invalid sequence; throws for a binary file (a NUL or
    /// another control byte, which no spreadsheet's CSV holds).
    /// </summary>
    private static bool IsStrictUtf8Text(Stream stream)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[64 * 1024];
        // GetChars, not GetCharCount: only decoding keeps the decoder's state, i.e. a character cut by the buffer's end.
        var chars = new char[buffer.Length + 4];
        var valid = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (HasControlBytes(buffer.AsSpan(0, read))) throw new TabularFileException(TabularMessages.Unreadable);
            if (!valid) continue;
            try { decoder.GetChars(buffer, 0, read, chars, 0, flush: false); }
            catch (DecoderFallbackException) { valid = false; }
        }
        if (valid)
            try { decoder.GetChars([], 0, 0, chars, 0, flush: true); }
            catch (DecoderFallbackException) { valid = false; }
        return valid;
    }

    /// <summary>Bytes no text file written by a spreadsheet holds (NUL and the other C0 controls but tab, LF, CR).</summary>
    private static bool HasControlBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r') return true;
        return false;
    }

    protected override void DisposeSource()
    {
        csv.Dispose();
        if (ownsStream) stream.Dispose();
    }
}
