using System.Text.RegularExpressions;

namespace Observatoire.Tests.Architecture;

/// <summary>
/// The layout rules of docs/architecture.md, read from the source tree: features import each other one way only,
/// the layers under the features never reach into them, and test folders are named after what they test.
/// </summary>
public partial class LayoutTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Web = Path.Combine(Root, "src", "Observatoire.Web");

    /// <summary>Pages/Shared holds what several features use: every feature may import it.</summary>
    private static readonly string[] Features = Directory.GetDirectories(Path.Combine(Web, "Pages"))
        .Select(Path.GetFileName).Where(n => n != "Shared").ToArray()!;

    [Fact]
    public void Features_import_each_other_one_way_only()
    {
        var graph = Features.ToDictionary(f => f, f => References(Path.Combine(Web, "Pages", f)).Where(r => r != f).ToHashSet());
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"Ces fonctionnalités s'importent en cercle : {string.Join(" → ", cycle ?? [])}. " +
            "Déplacez la pièce commune dans Pages/Shared, Analysis/ ou Infrastructure/.");
    }

    [Theory]
    [InlineData("Domain")]
    [InlineData("Analysis")]
    [InlineData("Infrastructure")]
    [InlineData("Data")]
    public void Layers_below_the_pages_do_not_reach_into_a_feature(string layer)
    {
        var files = SourceFiles(Path.Combine(Web, layer))
            // The demo data is written through the features' own write paths (wiki revisions, the survey builder),
            // so that demo records are exactly what users would have made; migrations are the real-instance issue's.
            .Where(f => !Path.GetFileName(f).StartsWith("Demo", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));
        var offenders = files.Where(f => FeatureReference().Matches(Strip(File.ReadAllText(f))).Count > 0)
            .Select(f => Path.GetRelativePath(Web, f)).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Test_folders_are_named_after_the_feature_or_layer_they_test()
    {
        // A layer of the portal (Domain, Data, Analysis, Infrastructure), or a cross-cutting suite: the whole-portal
        // security and operations checks, the start-up foundation, the home page, these rules.
        var layers = Directory.GetDirectories(Web).Select(Path.GetFileName).Where(n => n is not ("Pages" or "bin" or "obj" or "wwwroot"));
        string[] crossCutting = ["Security", "Foundation", "Operations", "Architecture", "Home", "bin", "obj", .. layers!];
        var folders = Directory.GetDirectories(Path.Combine(Root, "tests"))
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetFileName(d)!)
            .Where(n => !n.StartsWith('.') && !crossCutting.Contains(n))
            .Distinct();
        Assert.All(folders, folder => Assert.Contains(folder, Features));
    }

    [Fact]
    public void Every_page_states_its_french_route()
    {
        var pages = SourceFiles(Path.Combine(Web, "Pages")).Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal)
            && !Path.GetFileName(f).StartsWith('_'));
        // The home page is "/" by its place; the error page gets "/erreur/{code}" from a route convention.
        var withoutRoute = pages.Where(f => File.ReadLines(f).FirstOrDefault() is { } first && first.StartsWith("@page", StringComparison.Ordinal)
                && !first.StartsWith("@page \"/", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Web, f))
            .Where(f => f is not "Pages/Index.cshtml" and not "Pages/Errors/Status.cshtml")
            .ToList();
        Assert.Empty(withoutRoute);
    }

    private static IEnumerable<string> References(string folder) =>
        SourceFiles(folder).SelectMany(f => FeatureReference().Matches(Strip(File.ReadAllText(f))))
            .Select(m => m.Groups["ns"].Success ? m.Groups["ns"].Value : m.Groups["path"].Value)
            .Where(Features.Contains)
            .Distinct();

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>Comments may name other features ("see Pages/Search") without importing them.</summary>
    private static string Strip(string source) => LineComment().Replace(source, "");

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = graph.Keys.ToDictionary(k => k, _ => 0); // 0 unseen, 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node])
            {
                if (state[next] == 1) return [.. path.SkipWhile(n => n != next), next];
                if (state[next] == 0 && Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return graph.Keys.Where(k => state[k] == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln"))) return dir.FullName;
        throw new InvalidOperationException("Observatoire.sln introuvable au-dessus du dossier des tests.");
    }

    /// <summary>A namespace (<c>Observatoire.Web.Pages.Wiki</c>) or a view path (<c>/Pages/Wiki/_List.cshtml</c>).</summary>
    [GeneratedRegex(@"Observatoire\.Web\.Pages\.(?<ns>[A-Z]\w+)|/Pages/(?<path>[A-Z]\w+)/")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"(?m)^\s*//.*$|@\*.*?\*@")]
    private static partial Regex LineComment();
}
