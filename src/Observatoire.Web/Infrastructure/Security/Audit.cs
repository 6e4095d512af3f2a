using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Infrastructure;

/// <summary>What the audit log records. Modules may add their own constants (at most 40 characters).</summary>
public static class AuditActions
{
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string Lockout = nameof(Lockout);
    public const string TwoFactorEnabled = nameof(TwoFactorEnabled);
    public const string TwoFactorDisabled = nameof(TwoFactorDisabled);
    public const string RecoveryCodesRenewed = nameof(RecoveryCodesRenewed);
    public const string PasswordChanged = nameof(PasswordChanged);
    public const string PasswordReset = nameof(PasswordReset);
    public const string Invitation = nameof(Invitation);
    public const string RoleChanged = nameof(RoleChanged);
    public const string AccountUpdated = nameof(AccountUpdated);
    public const string AccountUnlocked = nameof(AccountUnlocked);
    public const string AccountDeleted = nameof(AccountDeleted);
    public const string Export = nameof(Export);
    public const string Deletion = nameof(Deletion);
    public const string Setup = nameof(Setup);
    public const string SettingsChanged = nameof(SettingsChanged);
    // Reference lists (/admin/listes): one action per kind of change, so the log can be filtered by it.
    public const string ListValueAdded = nameof(ListValueAdded);
    public const string ListValueRenamed = nameof(ListValueRenamed);
    public const string ListValueDescribed = nameof(ListValueDescribed);
    public const string ListValueEdited = nameof(ListValueEdited);
    public const string ListValueReordered = nameof(ListValueReordered);
    public const string ListValueRetired = nameof(ListValueRetired);
    public const string ListValueRestored = nameof(ListValueRestored);
    public const string ListValuesMerged = nameof(ListValuesMerged);
    public const string StarterListsLoaded = nameof(StarterListsLoaded);
    public const string AppropriationWording = nameof(AppropriationWording);
    public const string Import = nameof(Import);
    public const string ImportUndone = nameof(ImportUndone);
    public const string ContoursImported = nameof(ContoursImported);

    public static readonly string[] All =
    [
        SignIn, SignInFailed, Lockout, TwoFactorEnabled, TwoFactorDisabled, RecoveryCodesRenewed, PasswordChanged,
        PasswordReset, Invitation, RoleChanged, AccountUpdated, AccountUnlocked, AccountDeleted, Export, Deletion,
        Setup, SettingsChanged,
        ListValueAdded, ListValueRenamed, ListValueDescribed, ListValueEdited, ListValueReordered, ListValueRetired,
        ListValueRestored, ListValuesMerged, StarterListsLoaded, AppropriationWording, Import, ImportUndone,
        ContoursImported,
    ];

    public static string Label(string action) => action switch
    {
        SignIn => "Connexion",
        SignInFailed => "Échec de connexion",
        Lockout => "Compte verrouillé",
        TwoFactorEnabled => "Double authentification activée",
        TwoFactorDisabled => "Double authentification désactivée",
        RecoveryCodesRenewed => "Codes de récupération renouvelés",
        PasswordChanged => "Mot de passe changé",
        PasswordReset => "Mot de passe réinitialisé",
        Invitation => "Invitation",
        RoleChanged => "Rôle modifié",
        AccountUpdated => "Compte modifié",
        AccountUnlocked => "Compte déverrouillé",
        AccountDeleted => "Compte supprimé",
        Export => "Export",
        Deletion => "Suppression",
        Setup => "Installation",
        SettingsChanged => "Paramètres modifiés",
        ListValueAdded => "Liste : valeur ajoutée",
        ListValueRenamed => "Liste : valeur renommée",
        ListValueDescribed => "Liste : description modifiée",
        ListValueEdited => "Liste : valeur modifiée",
        ListValueReordered => "Liste : ordre modifié",
        ListValueRetired => "Liste : valeur retirée",
        ListValueRestored => "Liste : valeur rétablie",
        ListValuesMerged => "Liste : valeurs fusionnées",
        StarterListsLoaded => "Listes de départ chargées",
        AppropriationWording => "Niveaux d'appropriation reformulés",
        Import => "Import d'un fichier",
        ImportUndone => "Import annulé",
        ContoursImported => "Contours des territoires importés",
        _ => action,
    };
}

/// <summary>
/// Appends to the audit log. The line is inserted at once with its own statement, so it never saves the caller's
/// pending changes; inside the caller's transaction (<c>db.Database.BeginTransactionAsync()</c>) it commits or rolls
/// back with the work it describes — call it there for deletions and other changes that must not go unrecorded.
/// </summary>
public class Audit(ObservatoireDbContext db, IHttpContextAccessor http, ILogger<Audit> log)
{
    public const int NameLength = 160;
    public const int ActionLength = 40;
    public const int TargetLength = 300;
    public const int DetailsLength = 2000;

    /// <summary>Records an action of the signed-in user (or of an anonymous visitor).</summary>
    public Task RecordAsync(string action, string? target, string? details)
    {
        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user?.FindFirstValue(ObservatoireClaims.DisplayName) ?? user?.Identity?.Name;
        return WriteAsync(id, name, action, target, details);
    }

    /// <summary>Records an action of <paramref name="actor"/>, for sign-in steps where the request is not yet signed in.</summary>
    public Task RecordForAsync(AppUser? actor, string action, string? target, string? details) =>
        WriteAsync(actor?.Id, actor?.DisplayName, action, target, details);

    private async Task WriteAsync(string? userId, string? userName, string action, string? target, string? details)
    {
        if (string.IsNullOrWhiteSpace(action) || action.Length > ActionLength)
            throw new ArgumentException($"Audit action must be 1 to {ActionLength} characters.", nameof(action));
        var at = DateTime.UtcNow;
        userName = Cut(userName, NameLength);
        target = Cut(target, TargetLength);
        details = Cut(details, DetailsLength);
        // Not the request's cancellation token: a client that goes away must not erase the trace of what it did.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "AuditEntries" ("At", "UserId", "UserName", "Action", "Target", "Details") VALUES ({at}, {userId}, {userName}, {action}, {target}, {details})""");
        log.LogInformation("Audit {Action} par {UserId} sur {Target}", action, userId, target);
    }

    private static string? Cut(string? value, int max) =>
        value is null ? null : value.Length <= max ? value : value[..(max - 1)] + "…";
}
