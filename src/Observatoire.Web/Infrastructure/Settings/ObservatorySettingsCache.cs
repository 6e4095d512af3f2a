namespace Observatoire.Web.Infrastructure;

/// <summary>
/// The observatory as every page, e-mail, feed and PDF names it, with its notices rendered to sanitised HTML, and
/// whether its first administrator exists (<see cref="Installed"/>; until then pages point to the setup).
/// </summary>
public sealed record Observatory(
    string Name,
    string ShortName,
    string? Territory,
    string? Description,
    string? ContactEmail,
    string IntroductionHtml,
    string LegalNoticeHtml,
    string PrivacyNoticeHtml,
    string AccessibilityHtml,
    bool Installed)
{
    /// <summary>« Observatoire des usages numériques — Tours et Joué-lès-Tours », or the name alone.</summary>
    public string FullName => Territory is null ? Name : $"{Name} — {Territory}";

    /// <summary>
    /// The header's mark and the smaller line beside it: a name that starts with the short name shows the short name
    /// big and the rest of the name small (« Observatoire » + « des usages numériques »), then the territory.
    /// </summary>
    public (string Mark, string? Line) Brand
    {
        get
        {
            var rest = Name.StartsWith(ShortName + " ", StringComparison.Ordinal) ? Name[(ShortName.Length + 1)..] : null;
            var mark = rest is null ? Name : ShortName;
            var line = string.Join(" · ", new[] { rest, Territory }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return (mark, line.Length == 0 ? null : line);
        }
    }

    /// <summary>« de Tours et Joué-lès-Tours », or « du territoire » while no territory is set: for sentences.</summary>
    public string OfTerritory => Territory is null ? "du territoire" : "de " + Territory;

    public static Observatory From(ObservatorySettings s, bool installed)
    {
        static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        string Html(string markdown) => Markdown.Render(SettingsTemplates.Fill(markdown, s)).Html;
        return new Observatory(s.Name, s.ShortName, Blank(s.Territory), Blank(s.Description), Blank(s.ContactEmail),
            // A row written before the introduction existed has it empty: the template stands in, as for an emptied notice.
            Html(string.IsNullOrWhiteSpace(s.Introduction) ? SettingsTemplates.Introduction : s.Introduction), Html(s.LegalNotice), Html(s.PrivacyNotice), Html(s.AccessibilityStatement), installed);
    }
}

/// <summary>
/// Reads the settings row (and whether an Administrateur exists) at most once per <see cref="Lifetime"/> per instance,
/// so that the layout of every page costs no query. A save on this instance calls <see cref="Forget"/>; the other
/// instance behind the proxy sees it within <see cref="Lifetime"/> (30 s). Before the setup the state is re-read
/// every <see cref="ShortLifetime"/>, so that both instances stop pointing to the setup soon after it is done.
/// </summary>
public sealed class ObservatorySettingsCache(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ObservatorySettingsCache> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(3);

    private sealed record Entry(Observatory Value, long ReadAt, TimeSpan Lifetime);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Entry? _entry;
    private int _generation;

    public async ValueTask<Observatory> GetAsync(CancellationToken ct = default)
    {
        if (Fresh(_entry) is { } hit) return hit;
        await _reading.WaitAsync(ct);
        try
        {
            var stale = _entry;
            if (Fresh(stale) is { } again) return again;
            var generation = Volatile.Read(ref _generation);
            Entry entry;
            try
            {
                var value = await ReadAsync(ct);
                entry = new Entry(value, clock.GetTimestamp(), value.Installed ? Lifetime : ShortLifetime);
            }
            catch (Exception e) when (DatabaseUnavailable.IsTransient(e))
            {
                // Every page's layout names the observatory, the "base indisponible" page included: it must still render.
                // The last name read (or the neutral one) stands in, without pointing anyone to the setup.
                log.LogWarning("Paramètres de l'observatoire illisibles ({Reason}) : dernier état connu utilisé.", e.GetBaseException().Message);
                var fallback = stale?.Value ?? Observatory.From(SettingsTemplates.Defaults(), installed: true);
                entry = new Entry(fallback, clock.GetTimestamp(), ShortLifetime);
            }
            // A save that happened while we were reading must not be hidden behind what we read before it.
            if (generation == Volatile.Read(ref _generation)) _entry = entry;
            return entry.Value;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>After a save or the setup: the next request reads the database again.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entry = null;
    }

    private Observatory? Fresh(Entry? entry) =>
        entry is not null && clock.GetElapsedTime(entry.ReadAt) < entry.Lifetime ? entry.Value : null;

    private async Task<Observatory> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var settings = await db.ObservatorySettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? SettingsTemplates.Defaults();
        return Observatory.From(settings, await SetupTokens.AdministratorExistsAsync(db, ct));
    }
}
