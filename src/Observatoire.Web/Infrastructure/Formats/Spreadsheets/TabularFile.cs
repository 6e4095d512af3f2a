using System.IO.Compression;
using System.Text;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// Opens an uploaded table (CSV, .xlsx, .ods, JSON) as rows of strings, within <see cref="TabularLimits"/>, and writes the
/// .xlsx files users download (templates, reports). Formats and messages: docs/imports.md, « Formats de fichiers ».
/// </summary>
public static class TabularFile
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// Chooses the format from the content (zip signature + mimetype/[Content_Types].xml, else CSV) and checks the
    /// extension agrees (.csv, .txt, .xlsx, .ods, .json accepted; .xls, .xlsm, anything else refused with a French message).
    /// Reads the header immediately. The caller keeps ownership of <paramref name="content"/>.
    /// </summary>
    /// <exception cref="TabularFileException">The file is refused; the message is for the user.</exception>
    public static ITabularReader Open(Stream content, string fileName, TabularLimits limits)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var expected = extension switch
        {
            ".csv" or ".txt" => TabularFormat.Csv,
            ".xlsx" => TabularFormat.Xlsx,
            ".ods" => TabularFormat.Ods,
            ".json" => TabularFormat.Json,
            ".xls" => throw new TabularFileException(TabularMessages.OldExcel),
            ".xlsm" => throw new TabularFileException(TabularMessages.MacroWorkbook),
            _ => throw new TabularFileException(TabularMessages.UnknownType),
        };

        var (stream, owned) = Seekable(content, limits.MaxFileBytes);
        TabularReader? reader = null;
        try
        {
            var format = Sniff(stream);
            // JSON is text: the extension tells it from CSV, the JSON reader refuses what is not an array of objects.
            if (format == TabularFormat.Csv && expected == TabularFormat.Json) format = TabularFormat.Json;
            if (format != expected) throw new TabularFileException(TabularMessages.ExtensionMismatch(extension, format));
            reader = format switch
            {
                TabularFormat.Csv => CsvTabularReader.Open(stream, owned, limits),
                TabularFormat.Xlsx => XlsxTabularReader.Open(stream, owned, limits),
                TabularFormat.Json => JsonTabularReader.Open(stream, owned, limits),
                _ => OdsTabularReader.Open(stream, owned, limits),
            };
            reader.ReadHeader();
            return reader;
        }
        catch
        {
            reader?.Dispose();
            if (owned) stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// For templates and reports to download: a one-sheet .xlsx whose cells are all written as text (never a
    /// formula), the header bold and frozen. <see cref="Open"/> reads it back identically.
    /// </summary>
    public static byte[] WriteXlsx(string sheetName, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows) =>
        XlsxWriter.Write(sheetName, header, rows);

    /// <summary>
    /// The content as a seekable stream from its start, its size checked before anything parses it: the caller's
    /// stream when it can seek and starts at 0 (an uploaded IFormFile's does), else a copy in a temporary file
    /// deleted on close, stopped as soon as it crosses the limit.
    /// </summary>
    private static (Stream Stream, bool Owned) Seekable(Stream content, long maxBytes)
    {
        if (content.CanSeek && content.Position == 0)
        {
            if (content.Length > maxBytes) throw new TabularFileException(TabularMessages.TooLarge(maxBytes));
            if (content.Length == 0) throw new TabularFileException(TabularMessages.Empty);
            return (content, false);
        }
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (copy.Length + read > maxBytes) throw new TabularFileException(TabularMessages.TooLarge(maxBytes));
                copy.Write(buffer, 0, read);
            }
            if (copy.Length == 0) throw new TabularFileException(TabularMessages.Empty);
            copy.Position = 0;
            return (copy, true);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The format the bytes are in, whatever the file is called; refuses what is no table at all.</summary>
    private static TabularFormat Sniff(Stream stream)
    {
        var head = new byte[8];
        stream.Position = 0;
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (length >= 4 && head.AsSpan(0, 4).SequenceEqual(ZipSignature)) return SniffZip(stream);
        if (length == 8 && head.AsSpan().SequenceEqual(OleSignature))
            // An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream; any other is a .xls.
            throw new TabularFileException(Contains(stream, Encoding.Unicode.GetBytes("EncryptedPackage"))
                ? TabularMessages.Protected
                : TabularMessages.OldExcel);
        return TabularFormat.Csv;
    }

    private static TabularFormat SniffZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype && ReadSmallEntry(mimetype) is var type)
            {
                if (type == "application/vnd.oasis.opendocument.spreadsheet") return TabularFormat.Ods;
                throw new TabularFileException(TabularMessages.Unreadable);
            }
            if (zip.GetEntry("[Content_Types].xml") is { } types && zip.GetEntry("xl/workbook.xml") is not null)
                return ReadSmallEntry(types).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                    ? throw new TabularFileException(TabularMessages.MacroWorkbook)
                    : TabularFormat.Xlsx;
            throw new TabularFileException(TabularMessages.Unreadable);
        }
        catch (InvalidDataException)
        {
            throw new TabularFileException(TabularMessages.Damaged);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>A small zip entry's text (mimetype, content types), read no further than 64 KiB whatever it claims.</summary>
    private static string ReadSmallEntry(ZipArchiveEntry entry)
    {
        using var input = entry.Open();
        var buffer = new byte[64 * 1024];
        var length = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    private static bool Contains(Stream stream, byte[] needle)
    {
        // A compound file is at most MaxFileBytes here, already bounded; its directory usually sits near the start.
        var buffer = new byte[1024 * 1024 + needle.Length];
        var carried = 0;
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var length = carried + read;
            if (buffer.AsSpan(0, length).IndexOf(needle) >= 0) return true;
            carried = Math.Min(needle.Length - 1, length);
            buffer.AsSpan(length - carried, carried).CopyTo(buffer);
        }
        return false;
    }
}
