using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Infrastructure;

/// <summary>Roles, the first administrator from configuration, and the demo dataset when asked. Idempotent.</summary>
public class InitialData(
    ObservatoireDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IWebHostEnvironment environment,
    ILogger<InitialData> log)
{
    public async Task LoadAsync(ObservatoireOptions options, CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (!string.IsNullOrWhiteSpace(options.Admin.Email) && !string.IsNullOrWhiteSpace(options.Admin.Password))
            await EnsureAdministratorAsync(options.Admin.Email, options.Admin.Password);

        if (options.DemoData)
        {
            if (environment.IsProduction())
                log.LogWarning("Données de démonstration demandées en Production : chargées parce que Observatoire__DemoData=true.");
            if (await db.Structures.AnyAsync(ct))
                log.LogInformation("Base non vide : données de démonstration non rechargées.");
            else
                await new DemoData(db, users).LoadAsync(ct);
        }
    }

    private async Task EnsureAdministratorAsync(string email, string password)
    {
        if (await users.FindByEmailAsync(email) is not null) return;
        var admin = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = "Administrateur", CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            log.LogError("Administrateur initial non créé : {Errors}", string.Join(" ", result.Errors.Select(e => e.Description)));
            return;
        }
        await users.AddToRoleAsync(admin, Roles.Administrateur);
        log.LogInformation("Administrateur initial créé : {Email}", email);
    }
}
