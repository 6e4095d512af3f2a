using Observatoire.Web.Pages.Notifications;

namespace Observatoire.Web.Pages.Wiki;

/// <summary>Saving a page: the one place that appends a revision and keeps the page's copies and link table in step.</summary>
public static class WikiStore
{
    /// <summary>Template of an experience report: the headings the working group agreed on.</summary>
    public const string ReportTemplate = """
        ## Contexte

        ## Acteurs

        ## Outils utilisés

        ## Ce qui a été fait

        ## Résultats

        ## Difficultés

        ## Enseignements

        ## Contacts
        """;

    /// <summary>
    /// Appends revision N+1 to <paramref name="page"/> (tracked, or new) and saves. Throws
    /// <see cref="DbUpdateException"/> when another save won the race: the caller merges and retries.
    /// </summary>
    public static async Task<WikiRevision> SaveRevisionAsync(ObservatoireDbContext db, WikiPage page, string title,
        string markdown, string? comment, string? authorId, DateTime now, CancellationToken ct)
    {
        markdown = markdown.Replace("\r\n", "\n");
        var rendered = await WikiMarkdown.RenderAsync(db, markdown, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var changed = page.Id != 0;
        if (page.Id == 0)
        {
            // The page and its first revision point at each other: insert the page first.
            page.CreatedAt = now;
            page.UpdatedAt = now;
            db.WikiPages.Add(page);
            await db.SaveChangesAsync(ct);
        }
        var revision = new WikiRevision
        {
            Page = page,
            Number = page.CurrentRevisionNumber + 1,
            Title = title,
            AuthorId = authorId,
            CreatedAt = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Markdown = markdown,
            Html = rendered.Html,
            PlainText = rendered.PlainText,
        };
        db.WikiRevisions.Add(revision);
        page.Title = title;
        page.CurrentRevision = revision;
        page.CurrentRevisionNumber = revision.Number;
        page.PlainText = rendered.PlainText;
        page.UpdatedAt = now;
        await db.WikiLinks.Where(l => l.FromPageId == page.Id).ExecuteDeleteAsync(ct);
        // Links added by an earlier save in this context are gone from the table: forget them too.
        foreach (var stale in db.ChangeTracker.Entries<WikiLink>().Where(e => e.Entity.FromPageId == page.Id).ToList())
            stale.State = EntityState.Detached;
        page.Links.Clear();
        foreach (var target in rendered.LinkTargets.Where(t => t != page.Slug))
            db.WikiLinks.Add(new WikiLink { FromPageId = page.Id, TargetSlug = target });
        if (changed) await NotifyWatchersAsync(db, page, revision, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return revision;
    }

    /// <summary>The people who watch the page (but its author) learn of the new revision, with the link to its diff.</summary>
    private static async Task NotifyWatchersAsync(ObservatoireDbContext db, WikiPage page, WikiRevision revision, CancellationToken ct)
    {
        var watchers = await db.WikiWatches.Where(w => w.PageId == page.Id && w.UserId != revision.AuthorId).Select(w => w.UserId).ToListAsync(ct);
        if (watchers.Count == 0) return;
        var author = revision.AuthorId is null ? null : await db.Users.Where(u => u.Id == revision.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var text = (author is null ? "Nouvelle version" : $"Nouvelle version par {author}") + (revision.Comment is { } comment ? $" : {comment}" : ".");
        await Notify.AddAsync(db, watchers, NotificationKind.WikiPageChanged, $"Page modifiée : {revision.Title}", text,
            $"/wiki/{page.Slug}/diff?de={revision.Number - 1}&a={revision.Number}", revision.CreatedAt, ct);
    }

    /// <summary>A page's categories: at most 20, of at most 60 characters each (the editor refuses more, it never drops them).</summary>
    public static readonly TypedList Categories = new(1, 60, 20, "une catégorie", "catégories");

    public static List<string> ParseCategories(string? text) => TypedList.Split(text);
}
