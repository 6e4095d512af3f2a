using AngleSharp.Html.Dom;
using Observatoire.IntegrationTests.Groups;

namespace Observatoire.IntegrationTests.Events;

public class RegistrationTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Thirty_five_people_registering_at_once_never_overbook_a_ten_seat_event()
    {
        var eventId = await Portal.Event(capacity: 10);
        // Everyone opens the page first, then all submit together.
        var people = await Task.WhenAll(Enumerable.Range(1, 35).Select(async i =>
        {
            var client = Portal.CreateClient();
            var page = await client.GetHtml("/evenements/atelier");
            var token = page.QuerySelector<IHtmlInputElement>("form[action*='handler=Register'] input[name=__RequestVerificationToken]")!.Value;
            return (client, token, i);
        }));

        var responses = await Task.WhenAll(people.Select(p => p.client.PostAsync("/evenements/atelier?handler=Register",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = p.token,
                ["Registration.Name"] = $"Personne {p.i}",
                ["Registration.Email"] = $"personne{p.i}@exemple.fr",
            }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var rows = await Portal.Db(db => db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(35, rows.Count);
        Assert.Equal(10, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(25, rows.Count(r => r.Status == RegistrationStatus.Waitlisted));
        // First come, first served: the ten seats went to the ten first rows written.
        Assert.All(rows.Take(10), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        foreach (var p in people) p.client.Dispose();
    }

    [Fact]
    public async Task A_freed_seat_goes_to_the_first_person_on_the_waiting_list()
    {
        await Portal.Event(capacity: 1, openToPublic: false);
        var first = await Portal.CreateUser(Roles.Contributeur);
        var second = await Portal.CreateUser(Roles.Partenaire);
        var third = await Portal.CreateUser(Roles.Contributeur);
        using var a = await Portal.SignIn(first.Email!);
        using var b = await Portal.SignIn(second.Email!);
        using var c = await Portal.SignIn(third.Email!);
        foreach (var client in new[] { a, b, c })
            (await client.PostForm("/evenements/atelier", new Dictionary<string, string>(), "form[action*='handler=Register']")).AssertRedirect();
        Assert.Contains("liste d'attente (position 2)", (await c.GetHtml("/evenements/atelier")).Body!.Text());

        (await a.PostForm("/evenements/atelier", new Dictionary<string, string>(), "form[action*='handler=Unregister']")).AssertRedirect();

        var statuses = await Portal.Db(db => db.EventRegistrations.ToDictionaryAsync(r => r.UserId!, r => r.Status));
        Assert.Equal(RegistrationStatus.Cancelled, statuses[first.Id]);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[second.Id]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[third.Id]);
        Assert.True(await Portal.Db(db => db.MailMessages.AnyAsync(m => m.To == second.Email && m.Subject.StartsWith("Une place s'est libérée"))));
        Assert.Contains("Vous êtes inscrit", (await b.GetHtml("/evenements/atelier")).Body!.Text());
    }

    [Fact]
    public async Task A_visitor_cancels_through_the_link_mailed_to_them()
    {
        var eventId = await Portal.Event(capacity: 5);
        using var visitor = Portal.CreateClient();
        (await visitor.PostForm("/evenements/atelier", new Dictionary<string, string>
        {
            ["Registration.Name"] = "Fatou Sylla", ["Registration.Email"] = "Fatou.Sylla@exemple.fr",
        }, "form[action*='handler=Register']")).AssertRedirect();
        var mail = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.To == "fatou.sylla@exemple.fr"));
        var link = mail.Body.Split('\n').Single(l => l.Contains("/evenements/desinscription?code="));
        var path = new Uri(link[link.IndexOf("http", StringComparison.Ordinal)..].Trim()).PathAndQuery;

        (await visitor.PostForm(path, new Dictionary<string, string>())).AssertRedirect("/evenements/atelier");

        Assert.Equal(RegistrationStatus.Cancelled, await Portal.Db(db => db.EventRegistrations.Where(r => r.EventId == eventId).Select(r => r.Status).SingleAsync()));
        await visitor.GetHtml("/evenements/desinscription?code=inconnu", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_freed_seat_mail_greets_the_person_and_lets_them_cancel()
    {
        await Portal.Event(capacity: 1);
        using var first = Portal.CreateClient();
        using var second = Portal.CreateClient();
        (await first.PostForm("/evenements/atelier", new Dictionary<string, string>
        {
            ["Registration.Name"] = "Fatou Sylla", ["Registration.Email"] = "fatou.sylla@exemple.fr",
        }, "form[action*='handler=Register']")).AssertRedirect();
        (await second.PostForm("/evenements/atelier", new Dictionary<string, string>
        {
            ["Registration.Name"] = "Karim Haddad", ["Registration.Email"] = "karim.haddad@exemple.fr",
        }, "form[action*='handler=Register']")).AssertRedirect();
        var firstMail = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.To == "fatou.sylla@exemple.fr"));
        (await first.PostForm(CancelPath(firstMail.Body), new Dictionary<string, string>())).AssertRedirect("/evenements/atelier");

        var freed = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.To == "karim.haddad@exemple.fr" && m.Subject.StartsWith("Une place s'est libérée")));

        Assert.StartsWith("Bonjour Karim Haddad,", freed.Body);
        (await second.PostForm(CancelPath(freed.Body), new Dictionary<string, string>())).AssertRedirect("/evenements/atelier");
        Assert.Equal(RegistrationStatus.Cancelled, await Portal.Db(db => db.EventRegistrations
            .Where(r => r.Email == "karim.haddad@exemple.fr").Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_freed_seat_mail_to_a_member_greets_them_and_says_where_to_cancel()
    {
        await Portal.Event(capacity: 1, openToPublic: false);
        var first = await Portal.CreateUser(Roles.Contributeur);
        var second = await Portal.CreateUser(Roles.Partenaire);
        using var a = await Portal.SignIn(first.Email!);
        using var b = await Portal.SignIn(second.Email!);
        foreach (var client in new[] { a, b })
            (await client.PostForm("/evenements/atelier", new Dictionary<string, string>(), "form[action*='handler=Register']")).AssertRedirect();

        (await a.PostForm("/evenements/atelier", new Dictionary<string, string>(), "form[action*='handler=Unregister']")).AssertRedirect();

        var freed = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.To == second.Email && m.Subject.StartsWith("Une place s'est libérée")));
        Assert.StartsWith($"Bonjour {second.DisplayName},", freed.Body);
        Assert.Contains("Pour annuler votre inscription", freed.Body);
        Assert.Contains("/evenements/atelier", freed.Body.Split("Pour annuler votre inscription")[1]);
    }

    private static string CancelPath(string body)
    {
        var link = body.Split('\n').Single(l => l.Contains("/evenements/desinscription?code="));
        return new Uri(link[link.IndexOf("http", StringComparison.Ordinal)..].Trim()).PathAndQuery;
    }

    [Fact]
    public async Task A_public_registration_needs_a_name_and_a_valid_email_and_keeps_what_was_typed()
    {
        await Portal.Event(capacity: 5);
        using var visitor = Portal.CreateClient();

        using var response = await visitor.PostForm("/evenements/atelier", new Dictionary<string, string>
        {
            ["Registration.Name"] = "Fatou Sylla", ["Registration.Email"] = "pas-une-adresse",
        }, "form[action*='handler=Register']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtml();
        Assert.Contains("n'est pas valide", page.QuerySelector("#inscription-courriel-erreur")!.Text());
        Assert.Equal("Fatou Sylla", page.QuerySelector<IHtmlInputElement>("#inscription-nom")!.Value);
        Assert.Equal("inscription-courriel-erreur", page.QuerySelector("#inscription-courriel")!.GetAttribute("aria-describedby"));
        Assert.Equal(0, await Portal.Db(db => db.EventRegistrations.CountAsync()));
    }

    [Fact]
    public async Task A_members_only_event_sends_visitors_to_sign_in_and_a_cancelled_one_takes_nobody()
    {
        await Portal.Event(openToPublic: false);
        using var visitor = Portal.CreateClient();
        var page = await visitor.GetHtml("/evenements/atelier");
        Assert.Null(page.QuerySelector("#inscription-nom"));

        using var forced = await visitor.PostWithToken("/compte/connexion", "/evenements/atelier?handler=Register", new Dictionary<string, string>
        {
            ["Registration.Name"] = "Intrus", ["Registration.Email"] = "intrus@exemple.fr",
        });
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.StartsWith("/compte/connexion", new Uri(visitor.BaseAddress!, forced.Headers.Location!).AbsolutePath);

        await Portal.Db(db => db.Events.ExecuteUpdateAsync(s => s.SetProperty(e => e.IsCancelled, true)));
        using var member = await Portal.SignedInAs(Roles.Contributeur);
        using var late = await member.PostWithToken("/evenements/atelier", "/evenements/atelier?handler=Register", new Dictionary<string, string>());
        late.AssertRedirect();
        Assert.Equal(0, await Portal.Db(db => db.EventRegistrations.CountAsync()));
    }

    [Fact]
    public async Task Only_coordination_or_the_animateurs_of_its_group_edit_or_cancel_an_event()
    {
        var animateur = await Portal.CreateUser(Roles.Contributeur);
        var other = await Portal.CreateUser(Roles.Contributeur);
        var groupId = await Portal.Group(members: (animateur, GroupRole.Facilitator));
        var eventId = await Portal.Event(groupId: groupId);
        using var otherClient = await Portal.SignIn(other.Email!);
        using var animateurClient = await Portal.SignIn(animateur.Email!);

        await otherClient.GetHtml($"/evenements/{eventId}/modifier", HttpStatusCode.Forbidden);
        await otherClient.GetHtml($"/evenements/{eventId}/annuler", HttpStatusCode.Forbidden);
        using var cancel = await otherClient.PostWithToken("/evenements/atelier", $"/evenements/{eventId}/annuler", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.False(await Portal.Db(db => db.Events.Select(e => e.IsCancelled).SingleAsync()));

        await animateurClient.GetHtml($"/evenements/{eventId}/modifier");
        (await animateurClient.PostForm($"/evenements/{eventId}/annuler", new Dictionary<string, string>(), "main form[method=post]")).AssertRedirect();
        Assert.True(await Portal.Db(db => db.Events.Select(e => e.IsCancelled).SingleAsync()));
    }

    [Fact]
    public async Task Cancelling_an_event_first_says_who_will_be_told_then_tells_them()
    {
        var eventId = await Portal.Event(capacity: 2);
        using var visitor = Portal.CreateClient();
        foreach (var name in new[] { "Fatou Sylla", "Karim Benali", "Jeanne Petit" })
            (await visitor.PostForm("/evenements/atelier", new Dictionary<string, string>
            {
                ["Registration.Name"] = name, ["Registration.Email"] = name.Replace(' ', '.').ToLowerInvariant() + "@exemple.fr",
            }, "form[action*='handler=Register']")).AssertRedirect();
        using var coordination = await Portal.SignedInAs(Roles.Coordination);

        // The event page offers the cancellation as a link to a page that explains it: nothing happens in one click.
        var show = await coordination.GetHtml("/evenements/atelier");
        Assert.Null(show.QuerySelector("form[action*='CancelEvent']"));
        var link = show.QuerySelectorAll("#organisation ~ .actions a").Single(a => a.Text() == "Annuler l'événement");
        Assert.Equal($"/evenements/{eventId}/annuler", link.GetAttribute("href"));
        var confirm = await coordination.GetHtml($"/evenements/{eventId}/annuler");
        Assert.Contains("2 inscrits et 1 personne en liste d'attente seront prévenus par courriel", confirm.QuerySelector("main")!.Text());
        Assert.False(await Portal.Db(db => db.Events.Select(e => e.IsCancelled).SingleAsync()));
        Assert.Equal(3, await Portal.Db(db => db.MailMessages.CountAsync()));

        using var done = await coordination.PostForm($"/evenements/{eventId}/annuler", new Dictionary<string, string>(), "main form[method=post]");

        done.AssertRedirect("/evenements/atelier");
        Assert.True(await Portal.Db(db => db.Events.Select(e => e.IsCancelled).SingleAsync()));
        Assert.Equal(3, await Portal.Db(db => db.MailMessages.CountAsync(m => m.Subject.StartsWith("Événement annulé"))));
        var again = await coordination.GetHtml($"/evenements/{eventId}/annuler");
        Assert.Null(again.QuerySelector("main form[method=post]"));
        Assert.Contains("déjà annulé", again.QuerySelector("main")!.Text());
    }
}
