using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Observatoire.IntegrationTests.Groups;
using Observatoire.IntegrationTests.Surveys;
using Observatoire.IntegrationTests.Wiki;
using static Observatoire.IntegrationTests.Security.RecordMatrix;

namespace Observatoire.IntegrationTests.Security;

/// <summary>
/// Visits every case of <see cref="RecordMatrix"/> as each visitor, over one world: two structures, observations of
/// the other structure in each status, wiki pages public / members-only / protected with a file, a draft and an open
/// survey, a group with its animateur, its events, watch links, directory records and accounts.
/// </summary>
public class RecordAccessTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Each_record_page_and_handler_answers_each_visitor_as_the_record_matrix_says()
    {
        var (names, clients) = await World();
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var c in Cases)
        {
            Assert.True(c.Expect.Length == Visitors.Length, $"{c.Url} : {c.Expect.Length} lettres pour {Visitors.Length} visiteurs.");
            var url = RouteCoverageTests.Sample().Replace(c.Url, m => names.TryGetValue(m.Value, out var v) ? v
                : throw new InvalidOperationException($"{m.Value} n'existe pas dans le monde de test."));
            for (var v = 0; v < Visitors.Length; v++)
            {
                var expected = c.Expect[v];
                if (expected == '-') continue;
                var client = clients[Visitors[v]];
                using var response = c.Method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent(
                        [new("__RequestVerificationToken", await Token(client, Visitors[v] == RoleMatrix.Anonymous))]));
                checkedCount++;
                var got = Letter(response);
                if (got != expected)
                    failures.Add($"{c.Method} {url} ({c.Why}) en {Visitors[v]} : {Describe(expected)} attendu, {(int)response.StatusCode} {response.Headers.Location} reçu");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} écart(s) sur {checkedCount} visites :\n" + string.Join("\n", failures));
        Assert.True(checkedCount > 400, $"{checkedCount} visites seulement");
    }

    private static char Letter(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => 'O',
        HttpStatusCode.Forbidden => 'F',
        HttpStatusCode.NotFound => 'N',
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString is { } to
            && (to.StartsWith("/compte/connexion?", StringComparison.Ordinal) || to == "/compte/connexion"
                || to.StartsWith("http://localhost/compte/connexion", StringComparison.Ordinal)) => 'L',
        _ => '?',
    };

    private static string Describe(char letter) => letter switch
    {
        'O' => "200", 'F' => "403", 'N' => "404", 'L' => "redirection vers la connexion", _ => letter.ToString(),
    };

    /// <summary>A valid antiforgery token for this visitor (so that the authorization is what answers, not the token check).</summary>
    private static async Task<string> Token(HttpClient client, bool anonymous)
    {
        var page = await client.GetHtml(anonymous ? "/compte/connexion" : "/compte");
        return page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
    }

    private async Task<(Dictionary<string, string> Names, Dictionary<string, HttpClient> Clients)> World()
    {
        var w = await Portal.Seed(s =>
        {
            var territory = s.Territory("Joué-lès-Tours");
            var a = s.Structure("Maison des habitants A", territory);
            var b = s.Structure("Centre social B", territory);
            return new
            {
                territory, a, b, tool = s.Tool("Pix"), actor = s.Actor("Léa Martin"),
                bValid = s.Observation("Atelier validé de B", b),
                bDraft = s.Observation("Brouillon de B", b, status: ObservationStatus.Draft),
                bSubmitted = s.Observation("Soumise par B", b, status: ObservationStatus.Submitted),
                aDraft = s.Observation("Brouillon d'un collègue de A", a, status: ObservationStatus.Draft),
            };
        });

        var clients = new Dictionary<string, HttpClient> { [RoleMatrix.Anonymous] = Portal.CreateClient() };
        foreach (var role in Roles.All)
            clients[role] = await Portal.SignedInAs(role, role == Roles.Contributeur ? w.a.Id : null);
        var animateur = await Portal.CreateUser(Roles.Contributeur);
        var auteur = await Portal.CreateUser(Roles.Contributeur, w.b.Id);
        var colleague = await Portal.CreateUser(Roles.Contributeur, w.a.Id);
        var joiner = await Portal.CreateUser(Roles.Partenaire);
        clients[Animateur] = await Portal.SignIn(animateur.Email!);
        clients[Auteur] = await Portal.SignIn(auteur.Email!);

        await Portal.Db(async db =>
        {
            await db.Observations.Where(o => o.Id == w.bDraft.Id || o.Id == w.bSubmitted.Id || o.Id == w.bValid.Id)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.CreatedById, auteur.Id));
            await db.Observations.Where(o => o.Id == w.aDraft.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.CreatedById, colleague.Id));
        });

        await Portal.Page("Page publique", "Texte public.");
        var members = await Portal.Page("Page membres", "Notes internes.", WikiVisibility.Members, laterVersions: "Notes internes, suite.");
        await Portal.Page("Page protégée", "Charte.", isProtected: true);
        var note = "Compte rendu interne."u8.ToArray();
        await Portal.Db(async db =>
        {
            db.WikiAttachments.Add(new WikiAttachment
            {
                PageId = members, FileName = "note.txt", ContentType = "text/plain; charset=utf-8", Size = note.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(note)), Content = note, UploadedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var draft = await Portal.Survey(SurveyStatus.Draft, title: "Enquête en préparation");
        var open = await Portal.Survey(SurveyStatus.Open, title: "Enquête ouverte");

        var group = await Portal.Group("groupe-methode", (animateur, GroupRole.Facilitator));
        var membership = await Portal.Db(async db =>
        {
            var m = new GroupMembership { GroupId = group, UserId = joiner.Id, Role = GroupRole.Member, Status = MembershipStatus.Requested, RequestedAt = DateTime.UtcNow };
            db.GroupMemberships.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var groupEvent = await Portal.Event("atelier-du-groupe", groupId: group);
        await Portal.Event("reunion-interne", openToPublic: false);

        var (published, toReview) = await Portal.Db(async db =>
        {
            WatchItem Item(WatchStatus status, string title) => new()
            {
                Url = "https://exemple.fr/" + Guid.NewGuid().ToString("N"), Title = title, Note = "Ressource.", Status = status,
                CreatedAt = DateTime.UtcNow, PublishedAt = status == WatchStatus.Published ? DateTime.UtcNow : null, PostedById = auteur.Id,
            };
            var p = Item(WatchStatus.Published, "Les Bons Clics");
            var r = Item(WatchStatus.ToReview, "Article du flux");
            db.WatchItems.AddRange(p, r);
            await db.SaveChangesAsync();
            return (p.Id, r.Id);
        });

        // A free text typed in the open survey, to review.
        var freeText = await Portal.Db(async db =>
        {
            var response = new Response { SurveyId = open.Id, CreatedAt = DateTime.UtcNow, IdempotencyKey = Guid.NewGuid() };
            var answer = new Answer { QuestionId = open.Comment, Text = "Un commentaire à relire." };
            response.Answers.Add(answer);
            db.Responses.Add(response);
            await db.SaveChangesAsync();
            return answer.Id;
        });
        var guessed = await Portal.Db(async db => (await db.Observations.MaxAsync(o => o.Id)) + 1000);
        var names = new Dictionary<string, string>
        {
            ["{id:obs-b-validee}"] = w.bValid.Id.ToString(), ["{id:obs-b-brouillon}"] = w.bDraft.Id.ToString(),
            ["{id:obs-b-soumise}"] = w.bSubmitted.Id.ToString(), ["{id:obs-a-brouillon}"] = w.aDraft.Id.ToString(),
            ["{id:devinee}"] = guessed.ToString(),
            ["{slug:wiki-publique}"] = "page-publique", ["{slug:wiki-membres}"] = "page-membres", ["{slug:wiki-protegee}"] = "page-protegee",
            ["{slug:enquete-brouillon}"] = draft.Slug, ["{id:enquete-brouillon}"] = draft.Id.ToString(),
            ["{slug:enquete-ouverte}"] = open.Slug, ["{id:enquete-ouverte}"] = open.Id.ToString(), ["{id:question}"] = draft.Situation.ToString(),
            ["{id:reponse-libre}"] = freeText.ToString(),
            ["{slug:groupe}"] = "groupe-methode", ["{id:adhesion}"] = membership.ToString(),
            ["{slug:evenement-groupe}"] = "atelier-du-groupe", ["{id:evenement-groupe}"] = groupEvent.ToString(),
            ["{slug:evenement-interne}"] = "reunion-interne",
            ["{id:veille-publiee}"] = published.ToString(), ["{id:veille-a-examiner}"] = toReview.ToString(),
            ["{slug:structure-a}"] = w.a.Slug, ["{slug:structure-b}"] = w.b.Slug, ["{slug:outil}"] = w.tool.Slug,
            ["{slug:territoire}"] = w.territory.Slug, ["{slug:acteur}"] = w.actor.Slug,
            ["{id:compte-auteur}"] = auteur.Id,
        };
        return (names, clients);
    }
}
