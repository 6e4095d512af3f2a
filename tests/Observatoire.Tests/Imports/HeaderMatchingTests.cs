using Observatoire.Web.Pages.Imports;

namespace Observatoire.Tests.Imports;

public class HeaderMatchingTests
{
    private static readonly StructureImport Structures = new();

    [Fact]
    public void French_headers_find_their_columns_whatever_the_accents_case_and_punctuation()
    {
        var mapping = ImportPipeline.AutoMap(["NOM DE LA STRUCTURE", "Type", "Quartier", "Site web", "e-mail", "Adresse postale", "Remarques"], Structures, null);

        Assert.Equal(new string?[] { "nom", "type", "territoire", "site", "courriel", "adresse", null }, mapping);
    }

    [Fact]
    public void A_column_goes_to_one_header_only_and_a_remembered_choice_wins()
    {
        var remembered = new Dictionary<string, string> { ["denomination"] = "nom" };

        var mapping = ImportPipeline.AutoMap(["Dénomination", "Nom", "Commune", "Quartier"], Structures, remembered);

        Assert.Equal(new string?[] { "nom", null, "territoire", null }, mapping);
    }

    [Theory]
    [InlineData("Centre-Social", "centre social")]
    [InlineData("  Œuvre   d'Éducation ", "oeuvre d education")]
    [InlineData("Joué-lès-Tours", "joue les tours")]
    public void Text_keys_ignore_accents_case_and_punctuation(string text, string key) => Assert.Equal(key, TextKey.Of(text));
}
