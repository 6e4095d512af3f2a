using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.Web.Pages.Imports;

/// <summary>Helpers the import pages share.</summary>
public static class ImportPages
{
    /// <summary>Keeps a dry run on the batch: counts, lines and digest (the commit re-plans and compares).</summary>
    public static void Store(ImportBatch batch, DryRun run)
    {
        batch.DryRun = ImportPipeline.Serialize(run);
        batch.DryRunDigest = run.Digest;
        (batch.Created, batch.Updated, batch.Unchanged, batch.Refused) = (run.Created, run.Updated, run.Unchanged, run.Refused);
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A table to download as CSV (by default) or .xlsx (<paramref name="format"/> « xlsx »), every cell text.</summary>
    public static FileContentResult Table(string? format, string name, string sheet, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows) =>
        format == "xlsx"
            ? new FileContentResult(TabularFile.WriteXlsx(sheet, header, rows), XlsxType) { FileDownloadName = name + ".xlsx" }
            : new FileContentResult(Csv.Write(header, rows), Csv.ContentType) { FileDownloadName = name + ".csv" };

    /// <summary>« 3 créées, 1 modifiée, 0 inchangée, 2 refusées ».</summary>
    public static string Counts(int created, int updated, int unchanged, int refused) =>
        string.Join(", ", new[] { (created, "créée"), (updated, "modifiée"), (unchanged, "inchangée"), (refused, "refusée") }
            .Select(c => $"{c.Item1.ToString("N0", French.Culture)} {c.Item2}{(c.Item1 > 1 ? "s" : "")}"));
}
