using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;

namespace Observatoire.Tests.Domain;

/// <summary>
/// Members renamed into English keep their French names in the database, URLs, forms and exports: these names are
/// written here in full, so that renaming a member again cannot change them unnoticed.
/// </summary>
public class ExternalNamesTests
{
    private static string[] Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => v.ExternalName()).ToArray();

    [Fact]
    public void Renamed_members_keep_their_first_names()
    {
        Assert.Equal(["Brouillon", "Soumise", "Validee"], Names<ObservationStatus>());
        Assert.Equal(["Decouverte", "PriseEnMain", "UsageRegulier", "Autonomie"], Names<AppropriationLevel>());
        Assert.Equal(["ProfessionnelTerrain", "Institutionnel", "UsagerHabitant"], Names<ActorCategory>());
        Assert.Equal(["Commune", "Quartier"], Names<TerritoryKind>());
        Assert.Equal(["Animateur", "Membre"], Names<GroupRole>());
    }

    [Fact]
    public void A_member_without_external_name_goes_by_its_own() =>
        Assert.Equal(["Draft", "Open", "Closed"], Names<SurveyStatus>());

    [Fact]
    public void Every_enum_column_stores_the_external_name()
    {
        using var db = new ObservatoireDbContext(new DbContextOptionsBuilder<ObservatoireDbContext>()
            .UseNpgsql("Host=localhost;Database=model-only").Options);
        var columns = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum).ToList();
        Assert.Contains(columns, p => p.DeclaringType.ClrType == typeof(Observation) && p.Name == nameof(Observation.Status));
        Assert.Contains(columns, p => p.DeclaringType.ClrType == typeof(GroupMembership) && p.Name == nameof(GroupMembership.Role));
        foreach (var column in columns)
        {
            var converter = column.GetTypeMapping().Converter;
            Assert.NotNull(converter);
            Assert.Equal(typeof(string), converter.ProviderClrType);
            Assert.Equal(40, column.GetMaxLength());
            foreach (Enum member in Enum.GetValues(Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType))
            {
                Assert.Equal(member.ExternalName(), converter.ConvertToProvider(member));
                Assert.Equal(member, converter.ConvertFromProvider(member.ExternalName()));
            }
        }
    }

    [Theory]
    [InlineData("ProfessionnelTerrain", ActorCategory.FieldProfessional)]
    [InlineData("professionnelterrain", ActorCategory.FieldProfessional)]
    [InlineData(" UsagerHabitant ", ActorCategory.Resident)]
    [InlineData("Institutionnel", ActorCategory.Institutional)]
    [InlineData("1", ActorCategory.Institutional)]
    public void Urls_and_forms_give_the_external_name_or_the_number(string text, ActorCategory expected)
    {
        Assert.Equal(expected, TypeDescriptor.GetConverter(typeof(ActorCategory)).ConvertFrom(text));
        Assert.Equal(expected, TypeDescriptor.GetConverter(typeof(ActorCategory?)).ConvertFrom(text));
    }

    [Theory]
    [InlineData("FieldProfessional")]
    [InlineData("Resident")]
    [InlineData("professionnel-terrain")]
    public void The_code_name_of_a_renamed_member_is_not_read_from_urls(string text) =>
        Assert.ThrowsAny<Exception>(() => TypeDescriptor.GetConverter(typeof(ActorCategory)).ConvertFrom(text));

    [Fact]
    public void Text_written_for_a_member_is_its_external_name() =>
        Assert.Equal("Animateur", TypeDescriptor.GetConverter(typeof(GroupRole)).ConvertToString(GroupRole.Facilitator));
}
