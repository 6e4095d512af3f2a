using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Observatoire.Web.Data;

namespace Observatoire.Tests.Data;

/// <summary>
/// Lists sort in the database: a name column without the French collation sorts by character code
/// (« impots.gouv.fr » and « uMap » after « Zoom », « Élodie » after « Yanis »).
/// </summary>
public class CollationTests
{
    /// <summary>The columns people read as sorted lists: directory records, people, groups, choices, titles.</summary>
    public static TheoryData<string, string> NameColumns => new()
    {
        { "Territory", "Name" }, { "Structure", "Name" }, { "DigitalTool", "Name" }, { "Actor", "FullName" },
        { "Theme", "Name" }, { "Audience", "Name" }, { "AppUser", "DisplayName" }, { "WorkingGroup", "Name" },
        { "Survey", "Title" }, { "WikiPage", "Title" }, { "Observation", "Title" }, { "FeedSource", "Name" },
        { "ToolCategory", "Name" }, { "Licence", "Name" }, { "StructureKind", "Name" },
    };

    [Theory]
    [MemberData(nameof(NameColumns))]
    public void A_name_column_sorts_in_french(string entity, string property)
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var model = db.GetService<IDesignTimeModel>().Model;
        var type = model.GetEntityTypes().Single(t => t.ClrType.Name == entity);

        Assert.Equal("fr-FR-x-icu", type.FindProperty(property)!.GetCollation());
    }

    [Fact]
    public void Names_sorted_in_memory_follow_French_order()
    {
        string[] names = ["Zoom", "uMap", "Trello", "impots.gouv.fr", "Yanis", "Élodie", "eva"];

        Assert.Equal(["Élodie", "eva", "impots.gouv.fr", "Trello", "uMap", "Yanis", "Zoom"], names.Order(French.Order));
    }
}
