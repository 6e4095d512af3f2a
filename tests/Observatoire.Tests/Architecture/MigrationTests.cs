using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Observatoire.Web.Data;

namespace Observatoire.Tests.Architecture;

/// <summary>
/// A migration freezes its SQL (STYLE.md rule 15): what it executes is written in it, so replaying the history on a new
/// server gives the same database forever. Read from the source of Data/Migrations: with comments and string literals
/// taken out (SQL may name anything), no token may name a type of the portal, no extension method of the portal may be
/// called, and no <c>using</c> may import a namespace of the portal. The Designer and snapshot files name the context
/// in their <c>[DbContext(typeof(ObservatoireDbContext))]</c> attribute, as EF Core writes them: that alone is allowed.
/// </summary>
public partial class MigrationTests
{
    private const string MigrationsNamespace = "Observatoire.Web.Data.Migrations";

    private static readonly string Folder = Path.Combine(FindRoot(), "src", "Observatoire.Web", "Data", "Migrations");

    private static readonly Assembly Web = typeof(ObservatoireDbContext).Assembly;

    /// <summary>Types of the portal outside the migrations, by simple name (a migration's own types may share one).</summary>
    private static readonly HashSet<string> ApplicationTypes = ApplicationTypeNames();

    /// <summary>
    /// Extension methods a migration could call without a <c>using</c>: those of the namespaces enclosing the migrations'.
    /// </summary>
    private static readonly HashSet<string> ApplicationExtensions = Web.GetTypes()
        .Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false }
            && t.Namespace is "Observatoire" or "Observatoire.Web" or "Observatoire.Web.Data")
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.IsDefined(typeof(ExtensionAttribute)))
        .Select(m => m.Name)
        .ToHashSet();

    [Fact]
    public void No_migration_references_application_code()
    {
        var offences = Directory.GetFiles(Folder, "*.cs")
            .SelectMany(f => Offences(Path.GetFileName(f), File.ReadAllText(f), ApplicationTypes, ApplicationExtensions))
            .ToList();
        Assert.True(offences.Count == 0,
            "Ces migrations font appel au code du portail : écrivez dans la migration le SQL qu'elle exécute " +
            "(docs/architecture.md, « Migrations »).\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_history_starts_with_the_baseline()
    {
        var ids = Web.GetTypes().Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(ids);
        Assert.True(ids[0].EndsWith("_Baseline", StringComparison.Ordinal),
            $"La première migration doit être Baseline, pas {ids[0]} : une migration faite avant elle s'appliquerait " +
            "avant les tables qu'elle modifie. Recréez-la par-dessus Baseline (dotnet ef migrations add).");
    }

    /// <summary>The old AnalysisRollups migration, as it was before the squash: caught by its using and by its calls.</summary>
    [Fact]
    public void The_old_AnalysisRollups_migration_is_caught()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;
            using Observatoire.Web.Analysis;

            namespace Observatoire.Web.Data.Migrations
            {
                public partial class AnalysisRollups : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.Sql(AnalysisSql.CreateFunctions);
                        migrationBuilder.Sql(AnalysisSql.CreateTriggers);
                        migrationBuilder.Sql(AnalysisSql.Rebuild);
                    }
                }
            }
            """;
        // AnalysisSql was a class of the portal then; it has been deleted since, so it is named here.
        HashSet<string> then = [.. ApplicationTypes, "AnalysisSql"];

        var offences = Offences("20261128155736_AnalysisRollups.cs", source, then, ApplicationExtensions);

        Assert.Equal([
            "20261128155736_AnalysisRollups.cs:3 using Observatoire.Web.Analysis",
            "20261128155736_AnalysisRollups.cs:11 AnalysisSql",
            "20261128155736_AnalysisRollups.cs:12 AnalysisSql",
            "20261128155736_AnalysisRollups.cs:13 AnalysisSql",
        ], offences);
        // Without the using, the same call spelled out in full is caught by the type's name.
        Assert.Equal(["X.cs:1 AnalysisSql"],
            Offences("X.cs", "migrationBuilder.Sql(global::Observatoire.Web.Analysis.AnalysisSql.Rebuild);", then, ApplicationExtensions));
    }

    [Theory]
    [InlineData("migrationBuilder.Sql(Observatoire.Web.Analysis.Indicators.Definitions[0].Label);", "Indicators")]
    [InlineData("migrationBuilder.Sql($\"CREATE TEXT SEARCH CONFIGURATION {ObservatoireDbContext.SearchConfig}\");", "ObservatoireDbContext")]
    [InlineData("migrationBuilder.Sql($$\"\"\"\n  SELECT '{{Roles.Administrateur}}';\n  \"\"\");", "Roles")]
    [InlineData("migrationBuilder.Sql(@$\"{{ {nameof(SurveyRollupCompaction)} }}\");", "SurveyRollupCompaction")]
    [InlineData("using static Observatoire.Web.Infrastructure.Roles;", "using static Observatoire.Web.Infrastructure.Roles")]
    [InlineData("using R = Observatoire.Web.Infrastructure.Roles;", "using Observatoire.Web.Infrastructure.Roles")]
    [InlineData("using Observatoire.Web.Data;", "using Observatoire.Web.Data")]
    public void A_migration_that_names_application_code_is_caught(string code, string offence)
    {
        var offences = Offences("X.cs", code, ApplicationTypes, ApplicationExtensions);

        Assert.Contains(offences, o => o.EndsWith(" " + offence, StringComparison.Ordinal));
    }

    [Fact]
    public void A_migration_that_calls_an_extension_method_of_the_portal_is_caught()
    {
        // None exists today in the namespaces a migration sees without a using: one is supposed, as a feature might add it.
        HashSet<string> extensions = [.. ApplicationExtensions, "CreateSearchConfiguration"];

        Assert.Equal(["X.cs:2 .CreateSearchConfiguration()"],
            Offences("X.cs", "// migrationBuilder.CreateSearchConfiguration();\nmigrationBuilder.CreateSearchConfiguration();",
                ApplicationTypes, extensions));
    }

    [Theory]
    [InlineData("X.cs", "// The functions AnalysisSql used to create.\nmigrationBuilder.Sql(\"SELECT analysis_rebuild(); -- Indicators\");")]
    [InlineData("X.cs", "/* Roles */ migrationBuilder.Sql(\"\"\"\n    -- \"ObservatoireDbContext\" { Roles.Administrateur }\n    \"\"\");")]
    [InlineData("X.cs", "migrationBuilder.Sql(@\"SELECT 'Indicators' \"\" Roles\"\"\");")]
    [InlineData("X.cs", "var c = '\"'; migrationBuilder.Sql(\"Roles \\\" Indicators\");")]
    [InlineData("X.cs", "using Observatoire.Web.Data.Migrations;\nnamespace Observatoire.Web.Data.Migrations { }")]
    [InlineData("X.Designer.cs", "using Observatoire.Web.Data;\n[DbContext(typeof(ObservatoireDbContext))]\n[Migration(\"20990101000000_X\")]\npartial class X { }")]
    [InlineData("X.cs", "columns: table => new { Slug = table.Column<string>(maxLength: 140), Territory = table.Column<int>() },\nconstraints: table => { table.PrimaryKey(\"PK\", x => x.Slug); }")]
    public void Sql_comments_and_the_context_attribute_are_not_references(string file, string code)
    {
        Assert.Empty(Offences(file, code, ApplicationTypes, ApplicationExtensions));
    }

    [Fact]
    public void The_context_is_named_only_in_the_attribute_of_a_designer_file()
    {
        const string attribute = "[DbContext(typeof(ObservatoireDbContext))]";

        Assert.Equal(["X.cs:1 ObservatoireDbContext"], Offences("X.cs", attribute, ApplicationTypes, ApplicationExtensions));
        Assert.Equal(["X.Designer.cs:2 ObservatoireDbContext"],
            Offences("X.Designer.cs", attribute + "\nvar n = ObservatoireDbContext.SearchConfig;", ApplicationTypes, ApplicationExtensions));
    }

    /// <summary>« file:line what » for every reference to the portal's code in a migration's source.</summary>
    private static List<string> Offences(string file, string source, IReadOnlySet<string> types, IReadOnlySet<string> extensions)
    {
        var designer = file.EndsWith(".Designer.cs", StringComparison.Ordinal) || file.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal);
        var code = CodeOnly(source);
        var offences = new List<(int At, string What)>();

        foreach (Match m in UsingDirective().Matches(code))
        {
            var imported = m.Groups["name"].Value.Replace("global::", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (!imported.StartsWith("Observatoire", StringComparison.Ordinal)) continue;
            var allowed = m.Groups["static"].Length == 0 && m.Groups["alias"].Length == 0
                && (imported == MigrationsNamespace || designer && imported == "Observatoire.Web.Data");
            if (!allowed) offences.Add((m.Index, $"using {(m.Groups["static"].Length > 0 ? "static " : "")}{imported}"));
        }
        // Blanked with spaces, so that positions (and line numbers) stay those of the source.
        code = UsingDirective().Replace(code, m => new string(' ', m.Length));
        code = NamespaceDeclaration().Replace(code, m => new string(' ', m.Length));
        if (designer) code = ContextAttribute().Replace(code, m => new string(' ', m.Length));
        // Column names of generated CreateTable/AddColumn code (« Slug = table.Column<string>(…) », « x => x.Slug ») name
        // columns, not the portal's types of the same name.
        code = ColumnName().Replace(code, m => new string(' ', m.Length));

        foreach (Match m in Identifier().Matches(code))
            if (types.Contains(m.Groups["name"].Value))
                offences.Add((m.Index, m.Groups["name"].Value));
        foreach (Match m in MemberCall().Matches(code))
            if (extensions.Contains(m.Groups["name"].Value))
                offences.Add((m.Index, $".{m.Groups["name"].Value}()"));

        return offences.OrderBy(o => o.At)
            .Select(o => $"{file}:{source.AsSpan(0, o.At).Count('\n') + 1} {o.What}")
            .ToList();
    }

    /// <summary>
    /// The C# code of <paramref name="source"/>: comments and the text of string and character literals are replaced by
    /// spaces (newlines kept, so positions stay those of the source), while the code inside interpolation holes stays.
    /// </summary>
    internal static string CodeOnly(string source)
    {
        var output = new StringBuilder(source.Length);
        var i = 0;
        ScanCode(source, ref i, output, inHole: false);
        return output.ToString();
    }

    /// <summary>Copies code up to the end, or, in an interpolation hole, up to the <c>}</c> that closes it (not consumed).</summary>
    private static void ScanCode(string s, ref int i, StringBuilder o, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1, '/'))
            {
                while (i < s.Length && s[i] != '\n') Blank(s, ref i, o);
            }
            else if (c == '/' && At(s, i + 1, '*'))
            {
                Blank(s, ref i, o);
                Blank(s, ref i, o);
                while (i < s.Length && !(s[i] == '*' && At(s, i + 1, '/'))) Blank(s, ref i, o);
                if (i < s.Length) { Blank(s, ref i, o); Blank(s, ref i, o); }
            }
            else if (c == '\'')
            {
                Blank(s, ref i, o);
                while (i < s.Length && s[i] != '\'')
                {
                    if (s[i] == '\\') Blank(s, ref i, o);
                    if (i < s.Length) Blank(s, ref i, o);
                }
                if (i < s.Length) Blank(s, ref i, o);
            }
            else if (StringStart(s, i) is { } start)
            {
                ScanString(s, ref i, o, start);
            }
            else if (inHole && c == '{')
            {
                depth++;
                o.Append(c);
                i++;
            }
            else if (inHole && c == '}')
            {
                if (depth == 0) return;
                depth--;
                o.Append(c);
                i++;
            }
            else
            {
                o.Append(c);
                i++;
            }
        }
    }

    private record struct Start(int Dollars, bool Verbatim, int Quotes, int Prefix);

    /// <summary>A string literal starting at <paramref name="i"/>: <c>"</c>, <c>@"</c>, <c>$"</c>, <c>$@"</c>, <c>$$"""</c>…</summary>
    private static Start? StringStart(string s, int i)
    {
        // An identifier's own letters or digits before a quote are not a prefix (u8 suffixes follow, never precede).
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            if (s[j] == '$') dollars++;
            else verbatim = true;
            j++;
        }
        if (j >= s.Length || s[j] != '"') return null;
        var quotes = 0;
        while (j + quotes < s.Length && s[j + quotes] == '"') quotes++;
        return new Start(dollars, verbatim, quotes, j - i);
    }

    private static void ScanString(string s, ref int i, StringBuilder o, Start start)
    {
        for (var k = 0; k < start.Prefix; k++) Blank(s, ref i, o);
        if (start.Quotes >= 3)
        {
            ScanRawString(s, ref i, o, start.Quotes, start.Dollars);
            return;
        }
        if (start.Quotes == 2)
        {
            Blank(s, ref i, o); // ""
            Blank(s, ref i, o);
            return;
        }
        Blank(s, ref i, o); // opening quote
        while (i < s.Length)
        {
            var c = s[i];
            if (start.Verbatim && c == '"' && At(s, i + 1, '"')) { Blank(s, ref i, o); Blank(s, ref i, o); }
            else if (c == '"') { Blank(s, ref i, o); return; }
            else if (!start.Verbatim && c == '\\') { Blank(s, ref i, o); if (i < s.Length) Blank(s, ref i, o); }
            else if (start.Dollars > 0 && c == '{' && At(s, i + 1, '{')) { Blank(s, ref i, o); Blank(s, ref i, o); }
            else if (start.Dollars > 0 && c == '{') Hole(s, ref i, o, 1);
            else Blank(s, ref i, o);
        }
    }

    /// <summary>A raw string of <paramref name="quotes"/> quotes; with n dollars, a run of n or more braces opens a hole.</summary>
    private static void ScanRawString(string s, ref int i, StringBuilder o, int quotes, int dollars)
    {
        for (var k = 0; k < quotes; k++) Blank(s, ref i, o);
        while (i < s.Length)
        {
            if (Run(s, i, '"') >= quotes)
            {
                for (var k = 0; k < quotes; k++) Blank(s, ref i, o);
                return;
            }
            var braces = Run(s, i, '{');
            if (dollars > 0 && braces >= dollars)
            {
                for (var k = 0; k < braces - dollars; k++) Blank(s, ref i, o); // braces of the content before the hole
                Hole(s, ref i, o, dollars);
            }
            else if (braces > 0)
            {
                for (var k = 0; k < braces; k++) Blank(s, ref i, o);
            }
            else Blank(s, ref i, o);
        }
    }

    /// <summary>An interpolation hole opened by <paramref name="braces"/> braces: its code is kept, its braces blanked.</summary>
    private static void Hole(string s, ref int i, StringBuilder o, int braces)
    {
        for (var k = 0; k < braces; k++) Blank(s, ref i, o);
        ScanCode(s, ref i, o, inHole: true);
        for (var k = 0; k < braces && i < s.Length && s[i] == '}'; k++) Blank(s, ref i, o);
    }

    private static int Run(string s, int i, char c)
    {
        var n = 0;
        while (i + n < s.Length && s[i + n] == c) n++;
        return n;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static void Blank(string s, ref int i, StringBuilder o)
    {
        o.Append(s[i] == '\n' ? '\n' : ' ');
        i++;
    }

    private static HashSet<string> ApplicationTypeNames()
    {
        var types = Web.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.Contains('<', StringComparison.Ordinal)
                && (t.Namespace is null || t.Namespace.StartsWith("Observatoire", StringComparison.Ordinal)))
            .ToList();
        var own = types.Where(t => t.Namespace == MigrationsNamespace).Select(SimpleName).ToHashSet();
        return types.Where(t => t.Namespace != MigrationsNamespace).Select(SimpleName).Where(n => !own.Contains(n)).ToHashSet();
    }

    private static string SimpleName(Type t) => t.Name.Split('`')[0];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln"))) return dir.FullName;
        throw new InvalidOperationException("Observatoire.sln introuvable au-dessus du dossier des tests.");
    }

    [GeneratedRegex(@"(?m)^[ \t]*(global[ \t]+)?using[ \t]+(?<static>static[ \t]+)?(?:(?<alias>\w+)[ \t]*=[ \t]*)?(?<name>[\w.: ]+?)[ \t]*;")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?m)^[ \t]*namespace[ \t]+[\w.]+")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\[\s*DbContext\s*\(\s*typeof\s*\(\s*(global::)?(Observatoire\.Web\.Data\.)?ObservatoireDbContext\s*\)\s*\)\s*\]")]
    private static partial Regex ContextAttribute();

    [GeneratedRegex(@"\b[A-Za-z_]\w*(?=\s*=\s*table\s*\.\s*Column\b)|\b(?:x|table)\s*\.\s*[A-Za-z_]\w*\b(?!\s*[<(])")]
    private static partial Regex ColumnName();

    [GeneratedRegex(@"@?\b(?<name>[A-Za-z_]\w*)\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\.\s*(?<name>[A-Za-z_]\w*)\s*(<[^<>()]*>)?\s*\(")]
    private static partial Regex MemberCall();
}
