using AngleSharp.Html.Dom;
using Xunit.Sdk;

namespace Observatoire.IntegrationTests.Groups;

/// <summary>Groups and events for the tests of this feature, written straight to the database.</summary>
public static class GroupData
{
    public static Task<int> Group(this PortalFixture portal, string slug = "groupe-methode", params (AppUser User, GroupRole Role)[] members) =>
        portal.Db(async db =>
        {
            var group = new WorkingGroup { Name = "Groupe méthode", Slug = slug, Purpose = "Faire vivre l'observatoire.", CreatedAt = DateTime.UtcNow };
            db.WorkingGroups.Add(group);
            foreach (var (user, role) in members)
                db.GroupMemberships.Add(new GroupMembership
                {
                    Group = group, UserId = user.Id, Role = role, Status = MembershipStatus.Approved,
                    RequestedAt = DateTime.UtcNow, ApprovedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
            return group.Id;
        });

    public static Task<int> Event(this PortalFixture portal, string slug = "atelier", int? capacity = null, bool openToPublic = true,
        int? groupId = null, DateTime? startsAt = null) =>
        portal.Db(async db =>
        {
            var start = startsAt ?? DateTime.UtcNow.AddDays(7);
            var e = new Event
            {
                Title = "Atelier numérique", Slug = slug, StartsAt = start, EndsAt = start.AddHours(2), Place = "Centre social du Sanitas",
                Capacity = capacity, OpenToPublic = openToPublic, GroupId = groupId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    /// <summary>
    /// Posts to <paramref name="action"/> with the antiforgery token of any form on <paramref name="page"/>: how a crafted
    /// request would reach a handler whose button the user is not shown.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithToken(this HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var document = await client.GetHtml(page);
        var token = document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new XunitException($"Aucun jeton antiforgery sur {page}.");
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    public static void AssertRedirect(this HttpResponseMessage response, string? to = null)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new XunitException($"Redirection attendue, {(int)response.StatusCode} reçu :\n{response.Content.ReadAsStringAsync().Result[..Math.Min(3000, response.Content.ReadAsStringAsync().Result.Length)]}");
        if (to is not null) Assert.Equal(to, response.Headers.Location!.OriginalString);
    }
}
