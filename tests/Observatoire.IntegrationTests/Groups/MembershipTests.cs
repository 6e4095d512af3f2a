using Observatoire.IntegrationTests.Notifications;

namespace Observatoire.IntegrationTests.Groups;

public class MembershipTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task A_join_request_waits_until_an_animateur_approves_it()
    {
        var animateur = await Portal.CreateUser(Roles.Contributeur);
        var groupId = await Portal.Group(members: (animateur, GroupRole.Facilitator));
        var member = await Portal.CreateUser(Roles.Partenaire);
        using var memberClient = await Portal.SignIn(member.Email!);

        using var join = await memberClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Join']");

        join.AssertRedirect("/groupes/groupe-methode");
        var page = await memberClient.GetHtml("/groupes/groupe-methode");
        Assert.Contains("attend l'accord d'un animateur", page.Body!.Text());
        Assert.Equal(MembershipStatus.Requested, await Status(member));
        await Portal.RoundAsync(DateTime.UtcNow);
        Assert.True(await Portal.Db(db => db.MailMessages.AnyAsync(m => m.To == animateur.Email && m.Subject.Contains("rejoindre"))));

        using var animateurClient = await Portal.SignIn(animateur.Email!);
        var groupPage = await animateurClient.GetHtml("/groupes/groupe-methode");
        Assert.Contains("Partenaire de test", groupPage.QuerySelector("#demandes")!.ParentElement!.Text());
        using var approve = await animateurClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Approve']");

        approve.AssertRedirect();
        Assert.Equal(MembershipStatus.Approved, await Status(member));
        await Portal.RoundAsync(DateTime.UtcNow);
        Assert.True(await Portal.Db(db => db.MailMessages.AnyAsync(m => m.To == member.Email && m.Subject.StartsWith("Bienvenue"))));
        Assert.Contains("Vous faites partie du groupe", (await memberClient.GetHtml("/groupes/groupe-methode")).Body!.Text());
        Assert.True(await Portal.Db(db => db.GroupMemberships.AnyAsync(m => m.GroupId == groupId && m.UserId == member.Id)));
    }

    [Fact]
    public async Task A_member_who_does_not_animate_the_group_cannot_approve_nor_name_animateurs()
    {
        var animateur = await Portal.CreateUser(Roles.Contributeur);
        var plainMember = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Group(members: [(animateur, GroupRole.Facilitator), (plainMember, GroupRole.Member)]);
        var candidate = await Portal.CreateUser(Roles.Contributeur);
        var requestId = await Portal.Db(async db =>
        {
            var m = new GroupMembership
            {
                GroupId = await db.WorkingGroups.Select(g => g.Id).SingleAsync(), UserId = candidate.Id, Role = GroupRole.Member,
                Status = MembershipStatus.Requested, RequestedAt = DateTime.UtcNow,
            };
            db.GroupMemberships.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var plainMembershipId = await Portal.Db(db => db.GroupMemberships.Where(m => m.UserId == plainMember.Id).Select(m => m.Id).SingleAsync());
        using var client = await Portal.SignIn(plainMember.Email!);

        Assert.Null((await client.GetHtml("/groupes/groupe-methode")).QuerySelector("form[action*='handler=Approve']"));
        using var approve = await client.PostWithToken("/groupes/groupe-methode", "/groupes/groupe-methode?handler=Approve",
            new Dictionary<string, string> { ["membershipId"] = requestId.ToString() });
        using var promote = await client.PostWithToken("/groupes/groupe-methode", "/groupes/groupe-methode?handler=Role",
            new Dictionary<string, string> { ["membershipId"] = plainMembershipId.ToString(), ["role"] = "Animateur" });

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(MembershipStatus.Requested, await Status(candidate));
        Assert.Equal(GroupRole.Member, await Portal.Db(db => db.GroupMemberships.Where(m => m.Id == plainMembershipId).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task Coordination_approves_requests_in_any_group_and_an_animateur_it_names_can_then_approve()
    {
        await Portal.Group();
        var future = await Portal.CreateUser(Roles.Contributeur);
        var candidate = await Portal.CreateUser(Roles.Partenaire);
        using var futureClient = await Portal.SignIn(future.Email!);
        using var candidateClient = await Portal.SignIn(candidate.Email!);
        (await futureClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Join']")).AssertRedirect();
        using var coordination = await Portal.SignedInAs(Roles.Coordination);

        (await coordination.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Approve']")).AssertRedirect();
        (await coordination.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Role']")).AssertRedirect();
        (await candidateClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Join']")).AssertRedirect();
        (await futureClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Approve']")).AssertRedirect();

        Assert.Equal(MembershipStatus.Approved, await Status(candidate));
        Assert.Equal(GroupRole.Facilitator, await Portal.Db(db => db.GroupMemberships.Where(m => m.UserId == future.Id).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task The_coordinator_who_creates_a_group_animates_it_and_receives_its_first_request()
    {
        var coordinator = await Portal.CreateUser(Roles.Coordination);
        using var coordination = await Portal.SignIn(coordinator.Email!);
        (await coordination.PostForm("/groupes/nouveau", new Dictionary<string, string>
        {
            ["Input.Name"] = "Groupe accès aux droits", ["Input.Purpose"] = "Partager nos pratiques d'accompagnement.",
        }, "main form[method=post]")).AssertRedirect("/groupes/groupe-acces-aux-droits");
        var member = await Portal.CreateUser(Roles.Contributeur);
        using var memberClient = await Portal.SignIn(member.Email!);

        (await memberClient.PostForm("/groupes/groupe-acces-aux-droits", new Dictionary<string, string>(), "form[action*='handler=Join']")).AssertRedirect();

        var creator = await Portal.Db(db => db.GroupMemberships.SingleAsync(m => m.UserId == coordinator.Id));
        Assert.Equal((GroupRole.Facilitator, MembershipStatus.Approved), (creator.Role, creator.Status));
        await Portal.RoundAsync(DateTime.UtcNow);
        Assert.True(await Portal.Db(db => db.MailMessages.AnyAsync(m => m.To == coordinator.Email && m.Subject.Contains("rejoindre"))));
        Assert.Contains("attend l'accord d'un animateur", (await memberClient.GetHtml("/groupes/groupe-acces-aux-droits")).Body!.Text());
    }

    [Fact]
    public async Task A_request_to_a_group_without_animateur_goes_to_coordination_and_the_page_says_so()
    {
        var coordinator = await Portal.CreateUser(Roles.Coordination);
        // An animateur from the directory without an account cannot answer in the portal: the group has nobody to answer.
        var actor = await Portal.Seed(s => s.Actor("Léa Martin"));
        await Portal.Group();
        await Portal.Db(async db =>
        {
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = await db.WorkingGroups.Select(g => g.Id).SingleAsync(), ActorId = actor.Id, Role = GroupRole.Facilitator,
                Status = MembershipStatus.Approved, RequestedAt = DateTime.UtcNow, ApprovedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var member = await Portal.CreateUser(Roles.Contributeur);
        using var memberClient = await Portal.SignIn(member.Email!);
        var before = await memberClient.GetHtml("/groupes/groupe-methode");
        Assert.Contains("examinée par la coordination", before.QuerySelector("#participer")!.ParentElement!.Text());

        using var join = await memberClient.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Join']");

        join.AssertRedirect("/groupes/groupe-methode");
        var after = await memberClient.GetHtml("/groupes/groupe-methode");
        Assert.Contains("Votre demande sera examinée par la coordination", after.Body!.Text());
        Assert.DoesNotContain("envoyée aux animateurs", after.Body!.Text());
        Assert.Contains("examinée par la coordination", after.QuerySelector("#participer")!.ParentElement!.Text());
        await Portal.RoundAsync(DateTime.UtcNow);
        var mail = await Portal.Db(db => db.MailMessages.SingleAsync(m => m.To == coordinator.Email));
        Assert.Contains("n'a pas d'animateur", mail.Body);
        Assert.Contains("/groupes/groupe-methode#demandes", mail.Body);
    }

    [Fact]
    public async Task Leaving_removes_the_membership_and_visitors_are_sent_to_sign_in()
    {
        var member = await Portal.CreateUser(Roles.Contributeur);
        await Portal.Group(members: (member, GroupRole.Member));
        using var client = await Portal.SignIn(member.Email!);

        (await client.PostForm("/groupes/groupe-methode", new Dictionary<string, string>(), "form[action*='handler=Leave']")).AssertRedirect();

        Assert.Null(await Status(member));
        using var visitor = Portal.CreateClient();
        using var join = await visitor.PostWithToken("/compte/connexion", "/groupes/groupe-methode?handler=Join", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, join.StatusCode);
        Assert.StartsWith("/compte/connexion", new Uri(visitor.BaseAddress!, join.Headers.Location!).AbsolutePath);
    }

    private Task<MembershipStatus?> Status(AppUser user) =>
        Portal.Db(db => db.GroupMemberships.Where(m => m.UserId == user.Id).Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync());
}
