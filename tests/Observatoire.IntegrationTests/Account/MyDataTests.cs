using System.Text.Json;

namespace Observatoire.IntegrationTests.Account;

public class MyDataTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task The_download_writes_status_and_category_as_it_always_did()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        var (actor, draft, validated) = await Portal.Seed(s =>
        {
            var structure = s.Structure();
            return (s.Actor("Léa Martin", ActorCategory.FieldProfessional),
                s.Observation("Brouillon de Léa", structure, status: ObservationStatus.Draft, observedOn: new(2026, 1, 5)),
                s.Observation("Atelier validé", structure, observedOn: new(2026, 1, 6)));
        });
        await Portal.Db(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ActorId, actor.Id));
            await db.Observations.Where(o => o.Id == draft.Id || o.Id == validated.Id)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.CreatedById, user.Id));
        });
        using var client = await Portal.SignIn(user.Email!);

        using var download = await client.GetAsync("/compte/mes-donnees?handler=Telecharger");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal("ProfessionnelTerrain", json.RootElement.GetProperty("acteur").GetProperty("categorie").GetString());
        Assert.Equal(["Brouillon", "Validee"],
            json.RootElement.GetProperty("observations").EnumerateArray().Select(o => o.GetProperty("statut").GetString()));
    }

    [Fact]
    public async Task The_download_includes_the_role_and_every_comment_the_person_wrote()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        var other = await Portal.CreateUser(Roles.Coordination);
        var observation = await Portal.Seed(s => s.Observation("Atelier CV en ligne"));
        await Portal.Db(async db =>
        {
            var item = new WatchItem { Url = "https://exemple.fr/umap", Title = "Cartes partagées avec uMap", Status = WatchStatus.Published };
            item.Comments.Add(new WatchComment { AuthorId = user.Id, Body = "Testé au Sanitas, ça marche.", CreatedAt = DateTime.UtcNow });
            item.Comments.Add(new WatchComment { AuthorId = other.Id, Body = "Commentaire d'une autre personne.", CreatedAt = DateTime.UtcNow });
            db.WatchItems.Add(item);
            db.ObservationChanges.Add(new ObservationChange
            {
                ObservationId = observation.Id, At = DateTime.UtcNow, UserId = user.Id, UserName = user.DisplayName,
                Kind = ObservationChangeKind.Submitted, Comment = "Merci de relire la partie difficultés.",
            });
            var page = new WikiPage { Title = "Bilan", Slug = "bilan" };
            await Observatoire.Web.Pages.Wiki.WikiStore.SaveRevisionAsync(db, page, "Bilan", "Texte.", "Ajout du bilan de juin", user.Id, DateTime.UtcNow, default);
            await db.SaveChangesAsync();
        });
        using var client = await Portal.SignIn(user.Email!);

        using var download = await client.GetAsync("/compte/mes-donnees?handler=Telecharger");

        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal("Contributeur", json.RootElement.GetProperty("compte").GetProperty("role").GetString());
        var comments = json.RootElement.GetProperty("commentaires").EnumerateArray()
            .Select(c => (c.GetProperty("type").GetString(), c.GetProperty("sur").GetString(), c.GetProperty("texte").GetString())).ToList();
        Assert.Equal(3, comments.Count);
        Assert.Contains(("veille", "Cartes partagées avec uMap", "Testé au Sanitas, ça marche."), comments);
        Assert.Contains(("observation", "Atelier CV en ligne", "Merci de relire la partie difficultés."), comments);
        Assert.Contains(("wiki", "Bilan", "Ajout du bilan de juin"), comments);
    }

    [Fact]
    public async Task The_download_includes_my_notifications_my_choices_and_the_syntheses_i_downloaded_not_anyone_elses()
    {
        var user = await Portal.CreateUser(Roles.Contributeur);
        var other = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Db(db =>
        {
            db.Notifications.Add(new Notification { UserId = user.Id, Title = "Page modifiée : Ateliers", Link = "/wiki/ateliers", CreatedAt = DateTime.UtcNow });
            db.Notifications.Add(new Notification { UserId = other.Id, Title = "Notification d'une autre personne", Link = "/wiki", CreatedAt = DateTime.UtcNow });
            db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, Kind = NotificationKind.WikiPageChanged, Delivery = NotificationDelivery.Weekly });
            Synthesis Synthesis(int number, string title) => new()
            {
                Year = 2026, Number = number, Reference = $"SYN-2026-000{number}", Title = title, Parameters = "{}", GeneratedByName = "Coordination",
                Fingerprint = new string('0', 64), GeneratedAt = DateTime.UtcNow, PageCount = 1,
            };
            db.SynthesisDownloads.Add(new SynthesisDownload { Synthesis = Synthesis(1, "Bilan de l'emploi"), UserId = user.Id, DownloadedAt = DateTime.UtcNow });
            db.SynthesisDownloads.Add(new SynthesisDownload { Synthesis = Synthesis(2, "Synthèse d'une autre personne"), UserId = other.Id, DownloadedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        using var client = await Portal.SignIn(user.Email!);

        using var download = await client.GetAsync("/compte/mes-donnees?handler=Telecharger");

        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(["Page modifiée : Ateliers"], json.RootElement.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("titre").GetString()));
        var choice = Assert.Single(json.RootElement.GetProperty("choixNotifications").EnumerateArray());
        Assert.Equal("Weekly", choice.GetProperty("courriel").GetString());
        var synthesis = Assert.Single(json.RootElement.GetProperty("synthesesTelechargees").EnumerateArray());
        Assert.Equal(("SYN-2026-0001", "Bilan de l'emploi"), (synthesis.GetProperty("reference").GetString(), synthesis.GetProperty("titre").GetString()));
    }
}
