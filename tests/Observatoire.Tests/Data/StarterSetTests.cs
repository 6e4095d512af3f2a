using Observatoire.Web.Data;

namespace Observatoire.Tests.Data;

/// <summary>
/// The starter tool categories, licences and structure kinds are the values the portal had as enums: same names, same
/// order, slugs made from the names, so that addresses already shared (?type=centre-social) name the same kind.
/// </summary>
public class StarterSetTests
{
    [Fact]
    public void The_starter_lists_are_the_former_values_in_their_order()
    {
        Assert.Equal(["Travail collaboratif", "Communication et messagerie", "Réseau social", "Démarches en ligne", "Recherche d'emploi",
            "Apprentissage et formation", "Bureautique", "Publication et site web", "Cartographie", "Autre"],
            StarterSet.ToolCategories.Select(c => c.Name));
        Assert.Equal([("Libre", true), ("Propriétaire", false)], StarterSet.Licences.Select(l => (l.Name, l.IsFree)));
        Assert.Equal(["Association", "Centre social", "Collectivité", "Service de l'État", "Établissement scolaire",
            "Information jeunesse", "Structure de l'emploi", "Autre"], StarterSet.StructureKinds.Select(k => k.Name));
    }

    [Fact]
    public void Every_slug_is_made_from_its_name_and_every_value_is_described()
    {
        var values = StarterSet.ToolCategories.Select(c => (c.Name, c.Slug, c.Description))
            .Concat(StarterSet.Licences.Select(l => (l.Name, l.Slug, l.Description)))
            .Concat(StarterSet.StructureKinds.Select(k => (k.Name, k.Slug, k.Description)));

        Assert.All(values, v =>
        {
            Assert.Equal(Slug.From(v.Name), v.Slug);
            Assert.False(string.IsNullOrWhiteSpace(v.Description));
        });
        Assert.Contains("centre-social", StarterSet.StructureKinds.Select(k => k.Slug));
        Assert.Contains("service-de-l-etat", StarterSet.StructureKinds.Select(k => k.Slug));
    }

    [Fact]
    public void New_entities_follow_the_lists_order()
    {
        Assert.Equal(Enumerable.Range(1, StarterSet.ToolCategories.Length), StarterSet.NewToolCategories().Select(c => c.SortOrder));
        Assert.Equal([true, false], StarterSet.NewLicences().Select(l => l.IsFree));
        Assert.Equal("Centre social", StarterSet.NewStructureKinds().Single(k => k.SortOrder == 2).Name);
    }
}
