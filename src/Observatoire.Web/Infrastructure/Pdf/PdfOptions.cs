namespace Observatoire.Web.Infrastructure;

/// <summary>Settings of <see cref="PdfEngine"/>, section "Observatoire:Pdf".</summary>
public class PdfOptions
{
    public const string Section = "Observatoire:Pdf";
    /// <summary>Debian's Chromium; never a downloaded browser.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    /// <summary>Documents printed at once; further requests wait their turn instead of exhausting memory.</summary>
    public int MaxConcurrentDocuments { get; set; } = 2;
    public int TimeoutSeconds { get; set; } = 60;
}
