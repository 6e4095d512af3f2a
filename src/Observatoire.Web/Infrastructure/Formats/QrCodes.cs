using QRCoder;

namespace Observatoire.Web.Infrastructure;

/// <summary>QR codes of the portal's addresses: survey posters, and the back-links printed in PDF syntheses.</summary>
public static class QrCodes
{
    /// <summary>
    /// The code as SVG markup. Level M survives a poster's creases and stains while keeping the modules large enough for
    /// cheap cameras.
    /// </summary>
    public static string Svg(string text, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The code as a PNG image.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 20)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
