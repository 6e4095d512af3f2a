using Observatoire.IntegrationTests.Observations;

// Not "Directory": that name would shadow System.IO.Directory across the test assembly.
namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>
/// Tool categories, licences and structure kinds are lists administrators keep: a retired value is no longer offered on
/// new records but stays on those that have it, saying so; an instance without any value still lets records be saved.
/// </summary>
public class ReferenceValueTests(PortalFixture portal) : PortalTest(portal)
{
    private static List<string> Options(IDocument page, string select) =>
        page.QuerySelectorAll($"select[name='{select}'] option").Select(o => o.Text()).ToList();

    private static List<string> Radios(IDocument page, string name) =>
        page.QuerySelectorAll($"input[type=radio][name='{name}']").Select(i => i.ParentElement!.Text()).ToList();

    [Fact]
    public async Task A_retired_category_or_licence_is_not_offered_for_a_new_tool_but_stays_on_its_tool_which_says_so()
    {
        var tool = await Portal.Seed(s =>
        {
            s.Tool("Nextcloud", "Travail collaboratif", "Libre");
            var maps = s.Tool("Cartes partagées", "Cartographie", "Licence maison");
            maps.Category!.RetiredAt = DateTime.UtcNow;
            maps.Licence!.RetiredAt = DateTime.UtcNow;
            return maps;
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var blank = await coordination.GetHtml("/annuaire/outils/nouveau");
        Assert.Equal([ReferenceValues.NoCategory, "Travail collaboratif"], Options(blank, "Input.CategoryId"));
        Assert.Equal(["Libre", ReferenceValues.UnknownLicence], Radios(blank, "Input.LicenceId"));
        using var refused = await coordination.PostMainForm("/annuaire/outils/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "Autres cartes", ["Input.CategoryId"] = tool.CategoryId.ToString()!,
            ["Input.LicenceId"] = tool.LicenceId.ToString()!, ["Input.Status"] = nameof(ToolStatus.Listed),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await refused.ReadHtml();
        Assert.Contains("Choisissez une catégorie de la liste.", errors.QuerySelector("#Input_CategoryId-erreur")!.Text());
        Assert.Contains("Choisissez une licence de la liste.", errors.QuerySelector("#Input_LicenceId-erreur")!.Text());

        var edit = await coordination.GetHtml($"/annuaire/outils/{tool.Slug}/modifier");
        Assert.Equal([ReferenceValues.NoCategory, "Travail collaboratif", "Cartographie (retiré)"], Options(edit, "Input.CategoryId"));
        Assert.Equal("Cartographie (retiré)", edit.QuerySelector("select[name='Input.CategoryId'] option[selected]")!.Text());
        Assert.Equal("Licence maison (retiré)", edit.QuerySelector("input[name='Input.LicenceId'][checked]")!.ParentElement!.Text());
        using var kept = await coordination.PostMainForm($"/annuaire/outils/{tool.Slug}/modifier", new Dictionary<string, string>
        {
            ["Input.Name"] = "Cartes partagées", ["Input.CategoryId"] = tool.CategoryId.ToString()!,
            ["Input.LicenceId"] = tool.LicenceId.ToString()!, ["Input.Status"] = nameof(ToolStatus.Listed),
            ["Input.Description"] = "Des cartes à plusieurs.",
        });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var saved = await Portal.Db(db => db.DigitalTools.Where(t => t.Id == tool.Id)
            .Select(t => new { t.CategoryId, t.LicenceId, t.Description }).SingleAsync());
        Assert.Equal((tool.CategoryId, tool.LicenceId, "Des cartes à plusieurs."), (saved.CategoryId, saved.LicenceId, saved.Description));

        var show = await Portal.CreateClient().GetHtml($"/annuaire/outils/{tool.Slug}");
        Assert.Equal(["Cartographie (retiré)", "Licence maison (retiré)"], show.QuerySelectorAll("main h1 + p .tag").Select(t => t.Text()));
        var list = await Portal.CreateClient().GetHtml("/annuaire/outils");
        Assert.Equal(["Travail collaboratif", "Cartographie (retiré)"], list.QuerySelectorAll("main h2").Select(h => h.Text()));
    }

    [Fact]
    public async Task A_retired_kind_is_not_offered_for_a_new_structure_but_stays_on_its_structure_which_says_so()
    {
        var (structure, tours) = await Portal.Seed(s =>
        {
            var tours = s.Territory("Tours");
            s.Kind("Association");
            var old = s.Structure("Maison des jeunes", tours, "Maison de quartier");
            old.Kind!.RetiredAt = DateTime.UtcNow;
            return (old, tours);
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var blank = await coordination.GetHtml("/annuaire/structures/nouvelle");
        Assert.Equal(["— Choisissez un type —", "Association"], Options(blank, "Input.KindId"));
        using var refused = await coordination.PostMainForm("/annuaire/structures/nouvelle", new Dictionary<string, string>
        {
            ["Input.Name"] = "Maison des jeunes du Sanitas", ["Input.KindId"] = structure.KindId.ToString()!,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choisissez un type de la liste.", (await refused.ReadHtml()).QuerySelector("#Input_KindId-erreur")!.Text());

        var edit = await coordination.GetHtml($"/annuaire/structures/{structure.Slug}/modifier");
        Assert.Equal("Maison de quartier (retiré)", edit.QuerySelector("select[name='Input.KindId'] option[selected]")!.Text());
        using var kept = await coordination.PostMainForm($"/annuaire/structures/{structure.Slug}/modifier", new Dictionary<string, string>
        {
            ["Input.Name"] = "Maison des jeunes", ["Input.KindId"] = structure.KindId.ToString()!,
            ["Input.TerritoryId"] = tours.Id.ToString(), ["Input.Description"] = "Ouverte le mercredi.",
        });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(structure.KindId, await Portal.Db(db => db.Structures.Where(s => s.Id == structure.Id).Select(s => s.KindId).SingleAsync()));

        var anonymous = Portal.CreateClient();
        Assert.Equal("Maison de quartier (retiré)",
            (await anonymous.GetHtml($"/annuaire/structures/{structure.Slug}")).QuerySelector("main h1 + p .tag")!.Text());
        Assert.Contains("Maison de quartier (retiré)", (await anonymous.GetHtml("/annuaire/structures")).QuerySelector("main .list-plain")!.Text());
        Assert.Contains("Maison de quartier (retiré)", (await anonymous.GetHtml($"/annuaire/territoires/{tours.Slug}")).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task On_an_instance_without_kinds_the_structure_form_says_so_and_saves_the_structure_without_one()
    {
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        var form = await coordination.GetHtml("/annuaire/structures/nouvelle");
        Assert.Null(form.QuerySelector("select[name='Input.KindId']"));
        Assert.Contains("Aucun type de structure n'est encore défini", form.QuerySelector("main form")!.Text());
        Assert.NotNull(form.QuerySelector("main form a[href='/admin/listes']"));
        using var saved = await coordination.PostMainForm("/annuaire/structures/nouvelle", new Dictionary<string, string>
        {
            ["Input.Name"] = "Centre social Pluriel",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(await Portal.Db(db => db.Structures.Select(s => s.KindId).SingleAsync()));
        var show = await coordination.GetHtml(saved.Headers.Location!.OriginalString);
        Assert.Equal(ReferenceValues.NoKind, show.QuerySelector("main h1 + p .tag")!.Text());

        // Once a kind exists, the form asks for one.
        await Portal.Seed(s => s.Kind("Centre social"));
        using var refused = await coordination.PostMainForm("/annuaire/structures/nouvelle", new Dictionary<string, string>
        {
            ["Input.Name"] = "Association Résoudre",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choisissez le type de la structure.", (await refused.ReadHtml()).QuerySelector("#Input_KindId-erreur")!.Text());
    }

    [Fact]
    public async Task A_tool_without_category_nor_licence_says_so_and_is_listed_last()
    {
        var tool = await Portal.Seed(s =>
        {
            s.Tool("Nextcloud");
            return s.Tool("Outil importé", category: null, licence: null);
        });
        var anonymous = Portal.CreateClient();

        var show = await anonymous.GetHtml($"/annuaire/outils/{tool.Slug}");
        Assert.Equal([ReferenceValues.NoCategory, ReferenceValues.UnknownLicence], show.QuerySelectorAll("main h1 + p .tag").Select(t => t.Text()));
        var list = await anonymous.GetHtml("/annuaire/outils");
        Assert.Equal(["Travail collaboratif", ReferenceValues.NoCategory], list.QuerySelectorAll("main h2").Select(h => h.Text()));
    }
}
