using System.Diagnostics;
using System.Text;

namespace Observatoire.IntegrationTests.Infrastructure;

public static class PdfTextLayer
{
    /// <summary>
    /// The PDF's text layer as poppler-utils' pdftotext reads it (installed by scripts/test.sh): what search and copy in a
    /// PDF reader find. Pages are separated by form feeds.
    /// </summary>
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
