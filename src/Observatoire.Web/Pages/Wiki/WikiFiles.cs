using System.IO.Compression;
using System.Text;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>What may be attached to a wiki page, recognised by content (magic bytes), never by the name alone.</summary>
public static class WikiFiles
{
    /// <summary>The one place the size limit is set.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// An office document whose entries would unpack to more than this, or compress more than <see cref="MaxRatio"/>
    /// to 1 past a megabyte, is a zip bomb: refused, so that no reader's office suite or indexer has to open it.
    /// Only the sizes declared in the archive's directory are read; nothing is decompressed here.
    /// </summary>
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;

    public const long MaxRatio = 100;

    public sealed record Kind(string Extension, string ContentType, bool IsImage);

    private static readonly Dictionary<string, Kind> Kinds = new Kind[]
    {
        new("png", "image/png", true), new("jpg", "image/jpeg", true), new("jpeg", "image/jpeg", true),
        new("gif", "image/gif", true), new("webp", "image/webp", true),
        new("pdf", "application/pdf", false),
        new("odt", "application/vnd.oasis.opendocument.text", false),
        new("ods", "application/vnd.oasis.opendocument.spreadsheet", false),
        new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
        new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
        new("csv", "text/csv; charset=utf-8", false), new("txt", "text/plain; charset=utf-8", false),
    }.ToDictionary(k => k.Extension);

    public const string AcceptedList = "images PNG, JPEG, GIF, WebP ; documents PDF, ODT, ODS, DOCX, XLSX, CSV, TXT";

    /// <summary>The kind of the file if its extension is accepted and its content really is of that kind; otherwise null.</summary>
    public static Kind? Detect(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (!Kinds.TryGetValue(extension, out var kind) || content.Length == 0) return null;
        var ok = extension switch
        {
            "png" => StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            "jpg" or "jpeg" => StartsWith(content, [0xFF, 0xD8, 0xFF]),
            "gif" => StartsWith(content, "GIF87a"u8) || StartsWith(content, "GIF89a"u8),
            "webp" => content.Length > 12 && StartsWith(content, "RIFF"u8) && content.AsSpan(8, 4).SequenceEqual("WEBP"u8),
            "pdf" => StartsWith(content, "%PDF-"u8),
            "odt" => OpenDocument(content, "application/vnd.oasis.opendocument.text"),
            "ods" => OpenDocument(content, "application/vnd.oasis.opendocument.spreadsheet"),
            "docx" => ZipHas(content, "word/document.xml"),
            "xlsx" => ZipHas(content, "xl/workbook.xml"),
            "csv" or "txt" => IsText(content),
            _ => false,
        };
        return ok ? kind : null;
    }

    /// <summary>A name safe in a URL and a header: slugified base name plus the detected extension.</summary>
    public static string SafeName(string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var stem = Infrastructure.Slug.From(Path.GetFileNameWithoutExtension(fileName), 100);
        return $"{stem}.{extension}";
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    private static bool OpenDocument(byte[] content, string mimeType)
    {
        if (!StartsWith(content, "PK\x03\x04"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (!UnpacksSafely(zip)) return false;
            var entry = zip.GetEntry("mimetype");
            if (entry is null || entry.Length > 200) return false;
            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == mimeType;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool ZipHas(byte[] content, string entryName)
    {
        if (!StartsWith(content, "PK\x03\x04"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return UnpacksSafely(zip) && zip.GetEntry(entryName) is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool UnpacksSafely(ZipArchive zip)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > MaxUnpackedBytes) return false;
            if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio) return false;
        }
        return true;
    }

    /// <summary>Text files must be valid UTF-8 without control bytes (no binary renamed .txt).</summary>
    private static bool IsText(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
