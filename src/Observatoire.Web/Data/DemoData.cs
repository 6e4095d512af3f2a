using Microsoft.AspNetCore.Identity;
using Observatoire.Web.Domain;

namespace Observatoire.Web.Data;

/// <summary>A realistic French dataset of the Tours area, loaded on an empty database by scripts/run.sh.</summary>
public class DemoData(ObservatoireDbContext db, UserManager<AppUser> users)
{
    /// <summary>Password of every demo account; printed by scripts/run.sh.</summary>
    public const string Password = "Observatoire-2026";

    public static readonly (string Email, string Name, string Role)[] Accounts =
    [
        ("admin@observatoire.test", "Camille Administratrice", Roles.Administrateur),
        ("coordination@observatoire.test", "Nadia Coordination", Roles.Coordination),
        ("contributeur@observatoire.test", "Karim Contributeur", Roles.Contributeur),
        ("partenaire@observatoire.test", "Sophie Partenaire", Roles.Partenaire),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await db.SaveChangesAsync(ct);
        foreach (var (email, name, role) in Accounts)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, role);
        }
    }
}
