using System.IO.Compression;

namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// Refuses a zip bomb before a spreadsheet library inflates it: the declared uncompressed total must stay within
/// <see cref="TabularLimits.MaxUncompressedBytes"/>, no entry over 1 MiB may claim more than 200 times its compressed
/// size, and, since declared sizes can lie, every entry is then inflated once through a counting stream that stops
/// as soon as the real total crosses the limit. What the reader inflates afterwards is these same bytes again.
/// (System.IO.Compression itself stops an entry at its declared size, XlsxReadingTests pins it: the count is the
/// second guard, for the day that changes.)
/// </summary>
internal static class ZipGuard
{
    private const long RatioCheckedFrom = 1024 * 1024;
    private const long MaxRatio = 200;

    public static void Check(Stream stream, TabularLimits limits)
    {
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes)
                    throw new TabularFileException(TabularMessages.TooLargeUncompressed(limits.MaxUncompressedBytes));
                if (entry.Length > RatioCheckedFrom && entry.Length > MaxRatio * Math.Max(entry.CompressedLength, 1))
                    throw new TabularFileException(TabularMessages.AbnormalCompression);
            }
            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                using var input = entry.Open();
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                    if ((inflated += read) > limits.MaxUncompressedBytes)
                        throw new TabularFileException(TabularMessages.TooLargeUncompressed(limits.MaxUncompressedBytes));
            }
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
}
