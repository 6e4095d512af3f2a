namespace Observatoire.IntegrationTests.Watch;

public static class WatchData
{
    /// <summary>A watch item posted by <paramref name="postedById"/>, with the first tool of the directory if any.</summary>
    public static Task<int> WatchItem(this PortalFixture portal, WatchStatus status = WatchStatus.Published, DateTime? publishedAt = null,
        string title = "Les Bons Clics", string? postedById = null) =>
        portal.Db(async db =>
        {
            var tool = db.DigitalTools.FirstOrDefault();
            var item = new WatchItem
            {
                Url = "https://lesbonsclics.fr/" + Guid.NewGuid().ToString("N"), Title = title, Note = "Ressources pour les aidants.",
                Status = status, CreatedAt = DateTime.UtcNow, PublishedAt = status == WatchStatus.Published ? publishedAt ?? DateTime.UtcNow : null,
                PostedById = postedById, Tools = tool is null ? [] : [tool],
            };
            db.WatchItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
}
