namespace Observatoire.Web.Pages.Notifications;

/// <summary>
/// The link of every notification mail (and its <c>List-Unsubscribe</c> header): GET asks to confirm, POST stops the
/// mail of the kinds the signed token names, for the person it names, without signing in. The mail provider's one-click
/// POST (RFC 8058, body <c>List-Unsubscribe=One-Click</c>) carries no antiforgery token: the signed token is the
/// protection, and the only thing a POST here can do is stop mail.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(ObservatoireDbContext db, UnsubscribeTokens tokens) : PageModel
{
    public const string Invalid =
        "Ce lien de désabonnement n'est pas valide (il a peut-être été coupé par votre messagerie). Connectez-vous et choisissez ce que vous recevez dans Mon compte › Notifications.";

    [BindProperty(SupportsGet = true, Name = "jeton")] public string? Token { get; set; }

    public IReadOnlyList<NotificationKind> Kinds { get; private set; } = [];
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        if (tokens.Read(Token) is not { } read) return Refused();
        Kinds = read.Kinds;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (tokens.Read(Token) is not { } read) return Refused();
        if (!await db.Users.AnyAsync(u => u.Id == read.UserId, ct)) return Refused();
        var existing = await db.NotificationPreferences.Where(p => p.UserId == read.UserId && read.Kinds.Contains(p.Kind)).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var kind in read.Kinds)
        {
            if (existing.TryGetValue(kind, out var preference)) preference.Delivery = NotificationDelivery.Never;
            else db.NotificationPreferences.Add(new NotificationPreference { UserId = read.UserId, Kind = kind, Delivery = NotificationDelivery.Never });
        }
        await db.SaveChangesAsync(ct);
        Kinds = read.Kinds;
        Done = true;
        return Page();
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError("", Invalid);
        return Page();
    }
}
