using System.Diagnostics;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// The QR codes a PDF prints, read back as a phone would read the paper: each page rasterised in grey by poppler-utils'
/// pdftoppm (installed by scripts/test.sh), then every QR code of the page decoded by ZXing.
/// </summary>
public static class PdfQrCodes
{
    /// <summary>The text of each QR code, page by page, in reading order of ZXing.</summary>
    public static async Task<List<string>> ReadAsync(byte[] pdf, int dpi = 150)
    {
        var folder = Directory.CreateTempSubdirectory("qr-");
        try
        {
            var file = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-gray", "-r", $"{dpi}", file, Path.Combine(folder.FullName, "page")]))!)
            {
                await process.WaitForExitAsync();
                Assert.Equal(0, process.ExitCode);
            }
            var codes = new List<string>();
            foreach (var page in folder.GetFiles("page-*.pgm").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var (width, height, pixels) = ReadPgm(await File.ReadAllBytesAsync(page.FullName));
                var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
                var found = new QRCodeMultiReader().decodeMultiple(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
                codes.AddRange((found ?? []).Select(r => r.Text));
            }
            return codes;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A binary PGM (P5, 8 bits) as pdftoppm -gray writes it: header « P5 width height 255 », then one byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] data)
    {
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)data[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)data[at])) at++;
            return System.Text.Encoding.ASCII.GetString(data, start, at - start);
        }
        Assert.Equal("P5", Token());
        var width = int.Parse(Token());
        var height = int.Parse(Token());
        Assert.Equal("255", Token());
        at++;
        return (width, height, data[at..(at + width * height)]);
    }
}
