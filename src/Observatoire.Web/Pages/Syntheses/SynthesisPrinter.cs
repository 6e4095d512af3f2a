using System.Text.RegularExpressions;
using Npgsql;

namespace Observatoire.Web.Pages.Syntheses;

/// <summary>Turns a request into a stored, numbered PDF: content, reference, print, save.</summary>
public sealed partial class SynthesisPrinter(ObservatoireDbContext db, PdfEngine engine, Suppression suppression, IWebHostEnvironment environment,
    ObservatorySettingsCache settings, AccountLinks links)
{
    public const string StyleSheetPath = "/css/synthese.css";

    /// <summary>The style sheet inline, for Chromium (which loads nothing from the network).</summary>
    public string InlineStyle()
    {
        var file = environment.WebRootFileProvider.GetFileInfo(StyleSheetPath.TrimStart('/'));
        using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return "<style>" + reader.ReadToEnd() + "</style>";
    }

    /// <summary>
    /// Generates and stores a synthesis. The reference is taken first (a unique (year, number) pair, retried when
    /// two generations race) because it is printed in every footer; the row is removed if printing fails.
    /// </summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing or failed: the message is for the user.</exception>
    public async Task<Synthesis> GenerateAsync(SynthesisRequest request, AppUser user, CancellationToken ct)
    {
        var normalized = request.Normalized();
        var content = await SynthesisContent.LoadAsync(db, normalized, suppression, await settings.GetAsync(ct), ct);
        // Kept for comparisons: which observations it counted, and its figures as printed.
        var observationIds = await SynthesisFigures.ObservationIdsAsync(db, normalized, ct);
        var now = DateTime.UtcNow;
        var year = ParisTime.FromUtc(now).Year;
        Synthesis synthesis = null!;
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Syntheses.Where(s => s.Year == year).MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
            synthesis = new Synthesis
            {
                Year = year, Number = number, Reference = $"SYN-{year}-{number:0000}", Title = content.Title,
                Parameters = normalized.ToJson(), GeneratedAt = now, GeneratedById = user.Id, GeneratedByName = user.DisplayName,
                Fingerprint = content.Fingerprint, WikiRevisionIds = content.WikiRevisionIds,
                ObservationIds = observationIds, Figures = SynthesisFigures.Of(content).ToJson(),
            };
            db.Syntheses.Add(synthesis);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && attempt < 20)
            {
                db.Entry(synthesis).State = EntityState.Detached;
            }
        }

        try
        {
            var stamp = new SynthesisDocument.Stamp(synthesis.Reference, now, user.DisplayName, links.Absolute(""));
            // Printed: the contents get the page each chapter starts on (the engine prints twice for that).
            var html = SynthesisDocument.Render(content, stamp, InlineStyle(), printed: true);
            synthesis.Pdf = await engine.PrintAsync(new PrintableDocument(html, SynthesisDocument.Footer(content, stamp), SynthesisDocument.Header(content)), ct);
            synthesis.PageCount = CountPages(synthesis.Pdf);
            await db.SaveChangesAsync(ct);
            return synthesis;
        }
        catch
        {
            db.Syntheses.Remove(synthesis);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Page objects of the PDF ("/Type /Page", not the "/Type /Pages" tree nodes); Chromium writes them uncompressed.</summary>
    public static int CountPages(byte[] pdf) =>
        PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
