using System.Text;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;

namespace Observatoire.Tests.Infrastructure.Spreadsheets;

/// <summary>Alone, so that no other test allocates while the heap is measured.</summary>
[CollectionDefinition(nameof(StreamingMemoryTests), DisableParallelization = true)]
public class StreamingMemoryCollection;

/// <summary>
/// The readers stream: half-way through 100,000 rows, the live heap has grown by far less than the rows would take
/// once read (5 strings of ~40 chars a row, 54 MB for the sheet), so a reader that loaded the sheet —
/// or kept the rows it gave — fails. GC.GetTotalMemory(true) counts live objects after a full collection.
/// </summary>
[Collection(nameof(StreamingMemoryTests))]
public class StreamingMemoryTests
{
    private const int RowCount = 100_000;
    private const long MaxGrowth = 12L * 1024 * 1024;

    private static IEnumerable<string?[]> Rows() =>
        Enumerable.Range(1, RowCount).Select(i => new string?[]
        {
            $"Structure numéro {i} du quartier Sanitas",
            $"{i} rue de la Fontaine, 37000 Tours ({i % 97})",
            $"contact-{i}@association-exemple-{i % 13}.fr",
            $"Atelier numérique {i % 31} : démarches en ligne",
            $"Observation {i} rédigée par l'équipe d'accueil",
        });

    [Theory]
    [InlineData("structures.csv")]
    [InlineData("structures.xlsx")]
    public void Reading_100000_rows_keeps_the_heap_far_below_the_size_of_the_sheet(string name)
    {
        string[] header = ["Nom", "Adresse", "Courriel", "Atelier", "Note"];
        var bytes = name.EndsWith(".csv")
            ? Encoding.UTF8.GetBytes(string.Join("\n", Rows().Prepend(header).Select(r => string.Join(";", r))))
            : TabularFile.WriteXlsx("Structures", header, Rows());
        var expanded = Rows().Sum(r => r.Sum(c => 24 + 2L * c!.Length));
        Assert.True(expanded > 4 * MaxGrowth, $"the sheet takes {expanded} bytes once read");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        long middle = 0;
        var count = 0;
        using (var reader = TabularFile.Open(new MemoryStream(bytes), name, TabularLimits.Default))
            foreach (var row in reader.Rows)
                if (++count == RowCount / 2) middle = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(RowCount, count);
        Assert.True(middle - before < MaxGrowth, $"the heap grew by {middle - before} bytes half-way through");
    }
}
