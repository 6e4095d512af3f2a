using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Tests.Wiki;

public class WikiDiffTests
{
    [Fact]
    public void A_changed_word_shows_as_removed_then_added()
    {
        var diff = WikiDiff.Words("Les jeunes utilisent l'outil chaque semaine.", "Les jeunes utilisent l'outil chaque mois.");
        Assert.Equal(
        [
            new DiffSegment(DiffKind.Same, "Les jeunes utilisent l'outil chaque "),
            new DiffSegment(DiffKind.Removed, "semaine"),
            new DiffSegment(DiffKind.Added, "mois"),
            new DiffSegment(DiffKind.Same, "."),
        ], diff);
    }

    [Fact]
    public void Both_texts_can_be_rebuilt_from_the_diff()
    {
        const string a = "Contexte\n\nLe centre social du Sanitas a ouvert un espace.\n\n- un\n- deux";
        const string b = "Contexte\n\nLe centre social du Sanitas a ouvert un nouvel espace partenaires.\n\n- un\n- trois\n- quatre";
        var diff = WikiDiff.Words(a, b);
        Assert.Equal(a, string.Concat(diff.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(b, string.Concat(diff.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }

    [Fact]
    public void Identical_texts_have_no_change()
    {
        Assert.All(WikiDiff.Words("même texte", "même texte"), s => Assert.Equal(DiffKind.Same, s.Kind));
    }

    private const string Base = "# Agora\n\nContexte : la Rabière.\n\nActeurs : Résoudre.\n\nRésultats : à venir.";

    [Fact]
    public void Changes_to_different_paragraphs_merge()
    {
        var mine = Base.Replace("Contexte : la Rabière.", "Contexte : le quartier de la Rabière, à Joué-lès-Tours.");
        var theirs = Base.Replace("Résultats : à venir.", "Résultats : 40 contributeurs formés.");
        var merged = WikiDiff.Merge(Base, mine, theirs);
        Assert.True(merged.Succeeded);
        Assert.Equal("# Agora\n\nContexte : le quartier de la Rabière, à Joué-lès-Tours.\n\nActeurs : Résoudre.\n\nRésultats : 40 contributeurs formés.", merged.Merged);
    }

    [Fact]
    public void Insertions_and_deletions_in_different_places_merge()
    {
        var mine = Base.Replace("# Agora\n\n", "# Agora\n\nIntroduction ajoutée.\n\n");
        var theirs = Base.Replace("\n\nActeurs : Résoudre.", "");
        var merged = WikiDiff.Merge(Base, mine, theirs);
        Assert.Equal("# Agora\n\nIntroduction ajoutée.\n\nContexte : la Rabière.\n\nRésultats : à venir.", merged.Merged);
    }

    [Fact]
    public void Changes_to_the_same_line_conflict()
    {
        var mine = Base.Replace("Acteurs : Résoudre.", "Acteurs : Résoudre et le BIJ.");
        var theirs = Base.Replace("Acteurs : Résoudre.", "Acteurs : Résoudre, centre social.");
        var merge = WikiDiff.Merge(Base, mine, theirs);
        Assert.False(merge.Succeeded);
        // What the merge settled, then the line each side wrote, for the person who decides.
        Assert.Equal(
        [
            new MergePart("# Agora\n\nContexte : la Rabière.\n"),
            new MergePart(null, Mine: "Acteurs : Résoudre et le BIJ.", Theirs: "Acteurs : Résoudre, centre social."),
            new MergePart("\nRésultats : à venir."),
        ], merge.Parts);
    }

    [Fact]
    public void The_same_change_on_both_sides_merges_once()
    {
        var both = Base.Replace("à venir", "très bons");
        Assert.Equal(both, WikiDiff.Merge(Base, both, both).Merged);
        var plusMine = "Introduction.\n\n" + both;
        Assert.Equal(plusMine, WikiDiff.Merge(Base, plusMine, both).Merged);
    }

    [Fact]
    public void Additions_at_the_end_by_both_sides_conflict()
    {
        Assert.False(WikiDiff.Merge(Base, Base + "\n\nA", Base + "\n\nB").Succeeded);
    }

    [Fact]
    public void Windows_line_endings_do_not_make_a_conflict()
    {
        var mine = Base.Replace("\n", "\r\n").Replace("à venir", "bons");
        var theirs = Base.Replace("la Rabière", "la Rabière (Joué-lès-Tours)");
        Assert.Equal(Base.Replace("à venir", "bons").Replace("la Rabière", "la Rabière (Joué-lès-Tours)"),
            WikiDiff.Merge(Base, mine, theirs).Merged);
    }
}
