using System.Text;
using Observatoire.Web.Infrastructure.Formats.Spreadsheets;
using static Observatoire.Tests.Infrastructure.Spreadsheets.CsvReadingTests;

namespace Observatoire.Tests.Infrastructure.Spreadsheets;

public class JsonReadingTests
{
    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void An_array_of_objects_is_a_table_keys_in_order_of_appearance_lists_joined_with_commas()
    {
        var bytes = Json("""
            [
              { "Id": 12, "Titre": "Atelier « CV »", "Outils": ["Nextcloud", "Jitsi Meet"], "Valide": true, "Note": 3.5 },
              { "Titre": "Café", "Outils": [], "Id": 13, "Difficultes": null, "Nouveau": "x", "Valide": false }
            ]
            """);

        using var reader = Open([.. Encoding.UTF8.GetPreamble(), .. bytes], "observations.json");

        Assert.Equal(TabularFormat.Json, reader.Format);
        Assert.Equal(["Id", "Titre", "Outils", "Valide", "Note", "Difficultes", "Nouveau"], reader.Header);
        var rows = reader.Rows.ToList();
        Assert.Equal([2, 3], rows.Select(r => r.Line));
        Assert.Equal(["12", "Atelier « CV »", "Nextcloud, Jitsi Meet", "oui", "3.5", null, null], rows[0].Cells);
        Assert.Equal(["13", "Café", null, "non", null, null, "x"], rows[1].Cells);
    }

    [Fact]
    public void An_empty_array_has_no_header_and_an_array_of_empty_objects_neither()
    {
        Assert.StartsWith("Le fichier ne contient aucune ligne remplie", Refused(Json("[]"), "vide.json").Message);
        Assert.StartsWith("Le fichier ne contient aucune ligne remplie", Refused(Json("[{}, {}]"), "vide.json").Message);
    }

    [Theory]
    [InlineData("""{ "Titre": "Atelier" }""")]
    [InlineData("""[ "Atelier", "Café" ]""")]
    [InlineData("""[ [ "Titre" ], [ "Atelier" ] ]""")]
    [InlineData("""[ { "Titre": "Atelier" }, 12 ]""")]
    public void Anything_but_an_array_of_objects_is_refused(string json) =>
        Assert.StartsWith("Le fichier JSON ne contient pas un tableau", Refused(Json(json), "liste.json").Message);

    [Theory]
    [InlineData("""[ { "Titre": "Atelier", } ]""")]
    [InlineData("""[ { "Titre": "Atelier" }""")]
    [InlineData("""[ { "Titre": "Atelier" } ] ]""")]
    [InlineData("""[ { "Titre": [ [ "profond" ] ] } ]""")]
    [InlineData("""[ { "Titre": [ { "a": 1 } ] } ]""")]
    public void Broken_or_too_deep_json_is_refused_as_malformed(string json) =>
        Assert.StartsWith("Le fichier JSON est mal formé ou trop imbriqué", Refused(Json(json), "liste.json").Message);

    [Fact]
    public void Deep_nesting_is_refused_without_recursion()
    {
        var deep = """[ { "a": """ + new string('[', 100_000) + new string(']', 100_000) + " } ]";
        Assert.StartsWith("Le fichier JSON est mal formé ou trop imbriqué", Refused(Json(deep), "bombe.json").Message);
        Assert.StartsWith("Le fichier JSON ne contient pas un tableau", Refused(Json(new string('[', 100_000)), "bombe.json").Message);
    }

    [Fact]
    public void An_object_as_a_value_is_refused_with_its_line_and_key()
    {
        var e = Refused(Json("""[ { "Titre": "A" }, { "Titre": "B", "Structure": { "Nom": "Pluriel(le)" } } ]"""), "liste.json");
        Assert.Equal("Ligne 3 : la valeur de « Structure » est un objet : donnez un texte, un nombre ou une liste de textes.", e.Message);
    }

    [Fact]
    public void A_key_twice_in_one_object_is_refused()
    {
        var e = Refused(Json("""[ { "Titre": "A" }, { "Titre": "B", "Titre": "C" } ]"""), "liste.json");
        Assert.Equal("Ligne 3 : la clé « Titre » apparaît deux fois dans le même objet : gardez-en une seule.", e.Message);
    }

    [Fact]
    public void A_huge_string_crosses_the_cell_limit_and_too_many_keys_the_column_limit()
    {
        var limits = TabularLimits.Default with { MaxCellChars = 1000, MaxColumns = 3 };
        var huge = Refused(Json($$"""[ { "Titre": "{{new string('x', 1001)}}" } ]"""), "liste.json", limits);
        Assert.StartsWith("Ligne 2, colonne 1 : la cellule dépasse 1", huge.Message);
        var wide = Refused(Json("""[ { "a": 1, "b": 2 }, { "c": 3, "d": 4 } ]"""), "liste.json", limits);
        Assert.Equal("Ligne 3 : le tableau dépasse 3 colonnes : gardez seulement les colonnes à importer.", wide.Message);
    }

    [Fact]
    public void Size_and_row_limits_apply_as_to_every_format()
    {
        var rows = "[" + string.Join(",", Enumerable.Range(0, 4).Select(i => $$"""{ "n": {{i}} }""")) + "]";
        Assert.StartsWith("Le fichier dépasse 3 lignes", Refused(Json(rows), "liste.json", TabularLimits.Default with { MaxRows = 3 }).Message);
        Assert.StartsWith("Le fichier dépasse", Refused(Json(rows), "liste.json", TabularLimits.Default with { MaxFileBytes = 10 }).Message);
    }

    [Fact]
    public void Invalid_utf8_and_a_json_file_named_csv_are_refused_or_read_as_their_extension_says()
    {
        Assert.StartsWith("Le fichier JSON est mal formé", Refused([.. Json("[ { \"Titre\": \"a"), 0xFF, .. Json("\" } ]")], "liste.json").Message);
        Assert.Equal("Le fichier porte l'extension .json mais contient un classeur Excel (.xlsx) : renommez-le en .xlsx, ou enregistrez-le de nouveau au format .json.",
            Refused(SpreadsheetFixtures.Xlsx("""<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>"""), "liste.json").Message);
    }
}
