using Npgsql;
using Observatoire.IntegrationTests.Annuaire;
using Observatoire.IntegrationTests.Observations;
using Observatoire.Web.Data;
using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Syntheses;

namespace Observatoire.IntegrationTests.Admin;

/// <summary>
/// The reference lists administered at /admin/listes, on an instance started empty (the fixture loads no demo data and
/// empties every table before each test): building the lists, retiring, renaming, merging, who may do what, the starter set.
/// </summary>
public class ReferenceListsTests(PortalFixture portal) : PortalTest(portal)
{
    private static Task<HttpResponseMessage> Add(HttpClient client, string list, params (string Key, string Value)[] fields) =>
        client.PostMainForm($"/admin/listes/{list}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            "main form[action*='handler=Add']");

    /// <summary>Submits one of a value's row forms (move, retire, restore) as its button would.</summary>
    private static Task<HttpResponseMessage> RowAction(HttpClient client, string list, string slug, string handler, params (string Key, string Value)[] fields) =>
        client.PostMainForm($"/admin/listes/{list}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)),
            $"tr#valeur-{slug} form[action*='handler={handler}']");

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        Portal.Db(db => db.AuditEntries.Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Structure_kinds_tool_categories_and_licences_are_built_in_the_portal_and_offered_by_the_directory_forms()
    {
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        foreach (var response in new[]
        {
            await Add(admin, "types-de-structure", ("Input.Name", "Tiers-lieu")),
            await Add(admin, "categories-d-outils", ("Input.Name", "Santé en ligne")),
            await Add(admin, "licences", ("Input.Name", "Licence publique de l'Union européenne"), ("Input.Extra", "true")),
            await Add(admin, "licences", ("Input.Name", "Propriétaire")),
        })
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var licences = await Portal.Db(db => db.Licences.OrderBy(l => l.SortOrder).Select(l => new { l.Name, l.IsFree }).ToListAsync());
        Assert.Equal(["Licence publique de l'Union européenne True", "Propriétaire False"], licences.Select(l => $"{l.Name} {l.IsFree}"));
        Assert.Equal(4, (await AuditAsync(AuditActions.ListValueAdded)).Count);

        // Coordination adds a category and a kind; the licences, which decide « Part des outils libres », stay the administrator's.
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        using (var category = await Add(coordination, "categories-d-outils", ("Input.Name", "Cartographie")))
            Assert.Equal(HttpStatusCode.Redirect, category.StatusCode);
        var licenceForm = await coordination.GetHtml("/admin/listes/licences");
        Assert.Null(licenceForm.QuerySelector("main form[action*='handler=Add']"));

        var tool = await coordination.GetHtml("/annuaire/outils/nouveau");
        Assert.Equal(["Santé en ligne", "Cartographie"],
            tool.QuerySelectorAll("select[name='Input.CategoryId'] option[value]:not([value=''])").Select(o => o.Text().Trim()));
        Assert.Equal(["Licence publique de l'Union européenne", "Propriétaire", "Licence inconnue"],
            tool.QuerySelectorAll("input[name='Input.LicenceId']").Select(i => i.ParentElement!.Text().Trim()));
        var structure = await coordination.GetHtml("/annuaire/structures/nouvelle");
        Assert.Equal(["Tiers-lieu"],
            structure.QuerySelectorAll("select[name='Input.KindId'] option[value]:not([value=''])").Select(o => o.Text().Trim()));
    }

    [Fact]
    public async Task An_administrator_builds_the_lists_from_nothing_and_a_contributor_logs_an_observation_with_them()
    {
        Assert.Equal((0, 0, 0), await Portal.Db(async db => (await db.Themes.CountAsync(), await db.Audiences.CountAsync(), await db.Territories.CountAsync())));
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        Assert.Contains("Aucun thème pour l'instant", (await admin.GetHtml("/admin/listes/themes")).QuerySelector("main")!.Text());

        foreach (var response in new[]
        {
            await Add(admin, "themes", ("Input.Name", "Emploi"), ("Input.Description", "Chercher un emploi, se former.")),
            await Add(admin, "themes", ("Input.Name", "Citoyenneté")),
            await Add(admin, "publics", ("Input.Name", "Jeunes (16-25 ans)")),
            await Add(admin, "territoires", ("Input.Name", "Joué-lès-Tours")),
        })
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var joue = await Portal.Db(db => db.Territories.SingleAsync(t => t.Slug == "joue-les-tours"));
        using (var quartier = await Add(admin, "territoires", ("Input.Name", "Rabière"), ("Input.ParentId", joue.Id.ToString())))
            Assert.Equal("/admin/listes/territoires#valeur-rabiere", quartier.Headers.Location!.OriginalString);

        var themes = await Portal.Db(db => db.Themes.OrderBy(t => t.SortOrder).Select(t => new { t.Name, t.Slug, t.SortOrder }).ToListAsync());
        Assert.Equal(["Emploi 1 emploi", "Citoyenneté 2 citoyennete"], themes.Select(t => $"{t.Name} {t.SortOrder} {t.Slug}"));
        var rabiere = await Portal.Db(db => db.Territories.SingleAsync(t => t.Slug == "rabiere"));
        Assert.Equal((joue.Id, TerritoryKind.Neighbourhood), (rabiere.ParentId!.Value, rabiere.Kind));
        Assert.Equal(5, (await AuditAsync(AuditActions.ListValueAdded)).Count);
        Assert.Contains("Rabière (Joué-lès-Tours)", (await AuditAsync(AuditActions.ListValueAdded))[^1].Details);

        // A structure, and a contributor of it: the observation form now has everything it needs.
        var structure = await Portal.Db(async db =>
        {
            var s = new SeedBuilder(db).Structure("Association Résoudre", await db.Territories.SingleAsync(t => t.Slug == "rabiere"));
            await db.SaveChangesAsync();
            return s.Id;
        });
        var contributor = await Portal.SignedInAs(Roles.Contributeur, structure);
        var form = await contributor.GetHtml("/observations/nouvelle");
        Assert.Equal(["Joué-lès-Tours", "Rabière (Joué-lès-Tours)"],
            form.QuerySelectorAll("select[name='Input.TerritoryId'] option[value]:not([value=''])").Select(o => o.Text()));
        var emploi = await Portal.Db(db => db.Themes.SingleAsync(t => t.Slug == "emploi"));
        var jeunes = await Portal.Db(db => db.Audiences.SingleAsync());

        using var logged = await contributor.PostMainForm("/observations/nouvelle", new KeyValuePair<string, string>[]
        {
            new("Input.Title", "Atelier CV"), new("Input.ObservedOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd")),
            new("Input.StructureId", structure.ToString()), new("Input.TerritoryId", rabiere.Id.ToString()),
            new("Input.NewTools", "Pix"), new("Input.ThemeIds", emploi.Id.ToString()), new("Input.AudienceIds", jeunes.Id.ToString()),
            new("Input.ParticipantsCount", "6"), new("Input.AppropriationLevel", AppropriationLevel.Discovery.ExternalName()),
            new("Input.Description", "Séance d'une heure."), new("Intent", "soumettre"),
        });

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var saved = await Portal.Db(db => db.Observations.Include(o => o.Themes).Include(o => o.Audiences).SingleAsync());
        Assert.Equal(("Emploi", "Jeunes (16-25 ans)", rabiere.Id), (Assert.Single(saved.Themes).Name, Assert.Single(saved.Audiences).Name, saved.TerritoryId));
    }

    [Fact]
    public async Task Retiring_a_theme_hides_it_from_new_forms_and_marks_it_where_it_is_still_used()
    {
        var world = await ObservationWorld.Create(Portal);
        var observation = await world.Seed(Portal, s => s.Observation("Atelier CV", world.Ours, world.Sanitas, tools: [world.Nextcloud],
            themes: [world.Emploi], status: ObservationStatus.Draft));
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var retired = await RowAction(coordination, "themes", world.Emploi.Slug, "Retire");

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.NotNull(await Portal.Db(db => db.Themes.Where(t => t.Id == world.Emploi.Id).Select(t => t.RetiredAt).SingleAsync()));
        var contributor = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);
        string ThemeBoxes(IDocument page) => string.Join(", ", page.QuerySelectorAll("input[name='Input.ThemeIds']")
            .Select(i => i.ParentElement!.Text()));
        // New input: not offered, and refused if posted anyway.
        Assert.DoesNotContain("Emploi", ThemeBoxes(await contributor.GetHtml("/observations/nouvelle")));
        Assert.DoesNotContain("Emploi", (await coordination.GetHtml("/evenements/nouveau")).QuerySelector("main form")!.Text());
        Assert.DoesNotContain("Emploi", (await contributor.GetHtml("/veille/proposer")).QuerySelector("main form")!.Text());
        using (var refused = await contributor.PostMainForm("/observations/nouvelle", world.Form()))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("n'est plus proposé", (await refused.ReadHtml()).QuerySelector("#Input_ThemeIds-erreur")!.Text());
        }
        // The record that has it keeps it, says so, and can be saved with it.
        Assert.Contains("Emploi (retiré)", (await contributor.GetHtml($"/observations/{observation.Id}")).QuerySelector("main")!.Text());
        Assert.Contains("Emploi (retiré)", ThemeBoxes(await contributor.GetHtml($"/observations/{observation.Id}/modifier")));
        using (var kept = await contributor.PostMainForm($"/observations/{observation.Id}/modifier",
                   world.Form("Atelier CV revu", "soumettre", ("Input.ThemeIds", world.Emploi.Id.ToString()))))
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        // Filters over past data keep it, marked.
        Assert.Contains("Emploi (retiré)", (await contributor.GetHtml("/observations")).QuerySelector("select#filtre-theme")!.Text());
        Assert.Contains("Emploi (retiré)", (await contributor.GetHtml("/tableau-de-bord")).QuerySelector("select#theme")!.Text());
        Assert.Contains("Emploi", Assert.Single(await AuditAsync(AuditActions.ListValueRetired)).Target);

        using var restored = await RowAction(coordination, "themes", world.Emploi.Slug, "Restore");
        Assert.Contains("Emploi", ThemeBoxes(await contributor.GetHtml("/observations/nouvelle")));
        Assert.Single(await AuditAsync(AuditActions.ListValueRestored));
    }

    [Fact]
    public async Task Retiring_a_commune_retires_its_quartiers_on_forms_and_keeps_them_on_the_directory()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var tours = await Portal.Db(db => db.Territories.SingleAsync(t => t.Id == world.Sanitas.ParentId));

        using var retired = await RowAction(coordination, "territoires", tours.Slug, "Retire");

        var form = await coordination.GetHtml("/observations/nouvelle");
        Assert.DoesNotContain(form.QuerySelectorAll("select[name='Input.TerritoryId'] option"), o => o.Text().Contains("Sanitas"));
        Assert.Equal(2, await Portal.Db(db => db.Territories.CountAsync(t => t.RetiredAt != null)));
        var page = await Portal.CreateClient().GetHtml($"/annuaire/territoires/{world.Sanitas.Slug}");
        Assert.Contains("Sanitas (Tours) (retiré)", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Renaming_keeps_the_address_and_a_changed_address_leads_from_the_old_one()
    {
        var world = await ObservationWorld.Create(Portal);
        var synthesis = await Portal.Db(async db =>
        {
            var s = new Synthesis
            {
                Year = 2026, Number = 1, Reference = "SYN-2026-0001", Title = "Synthèse", GeneratedByName = "Nadia", Fingerprint = "0",
                Parameters = """{"Du":"2026-01-01","Au":"2026-03-31","Territoire":"sanitas","Theme":"emploi","Public":null,"Enquetes":[],"Retours":[],"Titre":null}""",
            };
            db.Syntheses.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        // Coordination renames: the address stays.
        using (var renamed = await coordination.PostMainForm("/admin/listes/themes/emploi", new Dictionary<string, string> { ["Input.Name"] = "Emploi et insertion" }))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("emploi", await Portal.Db(db => db.Themes.Where(t => t.Id == world.Emploi.Id).Select(t => t.Slug).SingleAsync()));
        var audit = Assert.Single(await AuditAsync(AuditActions.ListValueRenamed));
        Assert.Equal("Nom : « Emploi » → « Emploi et insertion »", audit.Details);

        // The administrator changes the address: the old one leads to the new, in filters and on the directory.
        using (var moved = await admin.PostMainForm("/admin/listes/themes/emploi", new Dictionary<string, string>
               { ["Input.Name"] = "Emploi et insertion", ["Input.Slug"] = "emploi-insertion" }))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using (var moved = await admin.PostMainForm($"/admin/listes/territoires/{world.Sanitas.Slug}", new Dictionary<string, string>
               { ["Input.Name"] = "Le Sanitas", ["Input.Slug"] = "le-sanitas", ["Input.ParentId"] = world.Sanitas.ParentId!.Value.ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var visitor = Portal.CreateClient();
        using var filter = await coordination.GetAsync("/observations?theme=emploi&statut=validee");
        Assert.Equal((HttpStatusCode.Redirect, "/observations?theme=emploi-insertion&statut=validee"), (filter.StatusCode, filter.Headers.Location!.OriginalString));
        using var dashboard = await visitor.GetAsync("/tableau-de-bord?du=2026-01-01&territoire=sanitas&theme=emploi");
        Assert.Equal("/tableau-de-bord?du=2026-01-01&territoire=le-sanitas&theme=emploi-insertion", dashboard.Headers.Location!.OriginalString);
        using var directory = await visitor.GetAsync("/annuaire/territoires/sanitas");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/annuaire/territoires/le-sanitas"), (directory.StatusCode, directory.Headers.Location!.OriginalString));
        await visitor.GetHtml("/tableau-de-bord?du=2026-01-01&territoire=le-sanitas&theme=emploi-insertion");
        // The stored synthesis names the new slugs, so its figures can still be recomputed.
        var parameters = SynthesisRequest.FromJson(await Portal.Db(db => db.Syntheses.Where(s => s.Id == synthesis).Select(s => s.Parameters).SingleAsync()));
        Assert.Equal(["emploi-insertion"], parameters.Themes);
        Assert.Equal(["le-sanitas"], parameters.Territories);
        Assert.Equal(2, (await AuditAsync(AuditActions.ListValueEdited)).Count(a => a.Details!.StartsWith("Adresse")));
    }

    [Fact]
    public async Task A_territory_renamed_from_the_directory_is_in_the_audit_log_too()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var saved = await coordination.PostMainForm($"/annuaire/territoires/{world.Sanitas.Slug}/modifier", new Dictionary<string, string>
            { ["Input.Name"] = "Le Sanitas", ["Input.ParentId"] = world.Tours.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await AuditAsync(AuditActions.ListValueRenamed));
        Assert.Equal(("territoire « Le Sanitas »", "Nom : « Sanitas » → « Le Sanitas »"), (entry.Target, entry.Details));
    }

    [Fact]
    public async Task Saving_over_a_newer_version_shows_the_conflict_and_overwrites_nothing()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var page = await coordination.GetHtml("/admin/listes/themes/emploi");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("main form input[name='Input.Version']")!.GetAttribute("value")!;
        await Portal.Db(db => db.Themes.Where(t => t.Id == world.Emploi.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, "Emploi (autre)")));

        using var response = await coordination.PostAsync("/admin/listes/themes/emploi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "Emploi et formation", ["Input.Version"] = version,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await response.ReadHtml();
        Assert.Contains("Rien n'a été écrasé", shown.QuerySelector("main [role=alert]")!.Text());
        Assert.Equal("Emploi et formation", shown.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("Emploi (autre)", await Portal.Db(db => db.Themes.Where(t => t.Id == world.Emploi.Id).Select(t => t.Name).SingleAsync()));
        Assert.Empty(await AuditAsync(AuditActions.ListValueRenamed));
    }

    [Fact]
    public async Task Moving_a_value_up_changes_the_order_forms_offer()
    {
        await Portal.Seed(s => { s.Theme("Emploi").SortOrder = 1; s.Theme("Éducation").SortOrder = 2; s.Theme("Citoyenneté").SortOrder = 3; });
        var coordination = await Portal.SignedInAs(Roles.Coordination);

        using var moved = await RowAction(coordination, "themes", "citoyennete", "Move", ("sens", "haut"));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var form = await coordination.GetHtml("/observations/nouvelle");
        Assert.Equal(["Emploi", "Citoyenneté", "Éducation"], form.QuerySelectorAll("input[name='Input.ThemeIds']").Select(i => i.ParentElement!.Text()));
        Assert.Equal("Position : « 3 » → « 2 »", Assert.Single(await AuditAsync(AuditActions.ListValueReordered)).Details);
    }

    /// <summary>Each list through the merge page: every link kept, the rollups equal to a rebuild, the old slug redirects.</summary>
    [Theory]
    [InlineData("themes", nameof(Theme), "theme")]
    [InlineData("publics", nameof(Audience), "public")]
    [InlineData("territoires", nameof(Territory), "territoire")]
    public async Task Merging_two_values_keeps_every_link_and_the_rollups_equal_a_rebuild(string list, string entity, string key)
    {
        var world = await LinkedWorld.SeedAsync(Portal);
        var type = typeof(Theme).Assembly.GetType($"Observatoire.Web.Domain.{entity}")!;
        var (duplicate, kept) = world.Pairs[type];
        var slugs = await Portal.Db(async db => (((IReferenceValue)(await db.FindAsync(type, duplicate))!).Slug,
            ((IReferenceValue)(await db.FindAsync(type, kept))!).Slug));
        var linksBefore = await Portal.Db(db => Task.FromResult(RecordMerger.Links(db.Model, type)));
        var rowsBefore = await CountLinksAsync(linksBefore, duplicate, kept);
        var admin = await Portal.SignedInAs(Roles.Administrateur);

        var preview = await admin.GetHtml($"/admin/listes/{list}/{slugs.Item1}/fusionner?cible={kept}");
        Assert.Contains("ne ser", preview.QuerySelector("section[aria-labelledby=confirmation-titre]")!.Text());
        using var merged = await admin.PostMainForm($"/admin/listes/{list}/{slugs.Item1}/fusionner?cible={kept}",
            new Dictionary<string, string>(), "main section form[method=post]");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Null(await Portal.Db(db => db.FindAsync(type, duplicate).AsTask()));
        var rowsAfter = await CountLinksAsync(linksBefore, duplicate, kept);
        foreach (var link in linksBefore)
        {
            Assert.Equal(0, rowsAfter[link].Duplicate);
            // Every link of either record is now the kept one's, once: at least as many as before, at most the sum.
            Assert.InRange(rowsAfter[link].Kept, Math.Max(rowsBefore[link].Kept, rowsBefore[link].Duplicate), rowsBefore[link].Kept + rowsBefore[link].Duplicate);
        }
        await RollupCheck.AssertEqualARebuildAsync(Portal.ConnectionString, "après la fusion");
        using var old = await admin.GetAsync($"/observations?{key}={slugs.Item1}");
        Assert.Equal($"/observations?{key}={slugs.Item2}", old.Headers.Location!.OriginalString);
        Assert.Contains("Doublon fusionné", Assert.Single(await AuditAsync(AuditActions.ListValuesMerged)).Details);
        Assert.True(await Portal.Db(db => db.ObservationChanges.AnyAsync(c => c.Kind == ObservationChangeKind.Merged)));
    }

    private Task<Dictionary<RecordMerger.Link, (int Duplicate, int Kept)>> CountLinksAsync(IReadOnlyList<RecordMerger.Link> links, int duplicate, int kept) =>
        Portal.Db(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var counts = new Dictionary<RecordMerger.Link, (int, int)>();
            foreach (var link in links)
            {
                async Task<int> Count(int id)
                {
                    await using var command = new NpgsqlCommand($"""SELECT count(*)::int FROM "{link.Table}" WHERE "{link.Column}" = @id""",
                        (NpgsqlConnection)db.Database.GetDbConnection());
                    command.Parameters.AddWithValue("id", id);
                    return (int)(await command.ExecuteScalarAsync())!;
                }
                counts[link] = (await Count(duplicate), await Count(kept));
            }
            return counts;
        });

    [Fact]
    public async Task Coordination_edits_the_shared_lists_but_merging_addresses_levels_and_the_starter_set_are_the_administrators()
    {
        var world = await ObservationWorld.Create(Portal);
        var coordination = await Portal.SignedInAs(Roles.Coordination);
        var contributor = await Portal.SignedInAs(Roles.Contributeur, world.Ours.Id);

        // Coordination: adds, and sees neither the merge links nor the address field.
        using (var added = await Add(coordination, "publics", ("Input.Name", "Seniors")))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await coordination.GetHtml("/admin/listes/themes");
        Assert.Empty(list.QuerySelectorAll("a[href$='/fusionner']"));
        Assert.Null((await coordination.GetHtml("/admin/listes/themes/emploi")).QuerySelector("#Input_Slug"));
        foreach (var url in new[] { "/admin/listes/niveaux", "/admin/listes/themes/emploi/fusionner" })
        {
            using var denied = await coordination.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using (var slug = await coordination.PostMainForm("/admin/listes/themes/emploi", new Dictionary<string, string>
               { ["Input.Name"] = "Emploi", ["Input.Slug"] = "travail" }))
            Assert.Equal(HttpStatusCode.Forbidden, slug.StatusCode);
        var token = (await coordination.GetHtml("/admin/listes/themes")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var starter = await coordination.PostAsync("/admin/listes?handler=Starter",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Forbidden, starter.StatusCode);
        Assert.Equal("emploi", await Portal.Db(db => db.Themes.Where(t => t.Id == world.Emploi.Id).Select(t => t.Slug).SingleAsync()));

        // A contributor: none of it.
        foreach (var url in new[] { "/admin/listes", "/admin/listes/themes", "/admin/listes/themes/emploi" })
        {
            using var denied = await contributor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using (var post = await contributor.PostAsync("/admin/listes/themes?handler=Add",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Piratage" })))
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var anonymous = await Portal.CreateClient().GetAsync("/admin/listes");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await Portal.Db(db => db.Themes.CountAsync(t => t.Name == "Piratage")));
    }

    [Fact]
    public async Task The_starter_set_loads_once_into_empty_lists_and_says_what_it_leaves()
    {
        await Portal.Seed(s => s.Theme("Numérique"));
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        var index = (await admin.GetHtml("/admin/listes")).QuerySelector("#depart-titre")!.ParentElement!.Text();
        Assert.Contains("Thèmes : déjà 1 valeur, rien ne sera ajouté ni modifié", index);
        Assert.Contains("Territoires : 14 valeurs seront ajoutées", index);

        using (var loaded = await admin.PostMainForm("/admin/listes", new Dictionary<string, string>(), "main form[action*='handler=Starter']"))
            Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);

        var counts = await Portal.Db(async db => (await db.Themes.CountAsync(), await db.Audiences.CountAsync(), await db.Territories.CountAsync(),
            await db.AppropriationLevelWordings.CountAsync(), await db.Structures.CountAsync() + await db.DigitalTools.CountAsync() + await db.Observations.CountAsync()));
        Assert.Equal((1, StarterSet.Audiences.Length, 14, 4, 0), counts);
        Assert.Equal(["Joué-lès-Tours", "Tours"], await Portal.Db(db => db.Territories.Where(t => t.ParentId == null).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync()));
        var entry = Assert.Single(await AuditAsync(AuditActions.StarterListsLoaded));
        Assert.Contains("Thèmes : déjà 1 valeur, laissée telle quelle", entry.Details);
        Assert.Null((await admin.GetHtml("/admin/listes")).QuerySelector("#depart-titre"));

        // A second load (a double click, a second administrator) changes nothing.
        var token = (await admin.GetHtml("/admin/listes/themes")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var again = await admin.PostAsync("/admin/listes?handler=Starter",
                   new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(counts, await Portal.Db(async db => (await db.Themes.CountAsync(), await db.Audiences.CountAsync(), await db.Territories.CountAsync(),
            await db.AppropriationLevelWordings.CountAsync(), await db.Structures.CountAsync() + await db.DigitalTools.CountAsync() + await db.Observations.CountAsync())));
        Assert.Single(await AuditAsync(AuditActions.StarterListsLoaded));
    }

    [Fact]
    public async Task Rewording_a_level_shows_on_forms_pages_the_dashboard_and_the_export()
    {
        var world = await ObservationWorld.Create(Portal);
        var observation = await world.Seed(Portal, s => s.Observation("Atelier CV", world.Ours, world.Sanitas, tools: [world.Nextcloud],
            themes: [world.Emploi], level: AppropriationLevel.Discovery));
        var admin = await Portal.SignedInAs(Roles.Administrateur);
        var fields = (await admin.GetHtml("/admin/listes/niveaux")).QuerySelectorAll("main form input[type=text], main form textarea")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "");
        Assert.Equal("Découverte", fields["Levels[0].Name"]);
        fields["Levels[0].Name"] = "Premiers pas";
        fields["Levels[0].Description"] = "On ouvre l'outil ensemble.";

        using (var saved = await admin.PostMainForm("/admin/listes/niveaux", fields))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("1 — Premiers pas", (await admin.GetHtml("/observations/nouvelle")).QuerySelector("fieldset.levels")!.Text());
        Assert.Contains("1 — Premiers pas — On ouvre l'outil ensemble.", (await admin.GetHtml($"/observations/{observation.Id}")).QuerySelector("main")!.Text());
        Assert.Contains("1 — Premiers pas", await admin.GetStringAsync("/observations/export.csv"));
        Assert.Contains("1 — Premiers pas", await admin.GetStringAsync("/tableau-de-bord/csv?graphique=appropriation"));
        var audit = Assert.Single(await AuditAsync(AuditActions.AppropriationWording), a => a.Details!.StartsWith("Nom"));
        Assert.Equal("Nom : « Découverte » → « Premiers pas »", audit.Details);
    }
}
