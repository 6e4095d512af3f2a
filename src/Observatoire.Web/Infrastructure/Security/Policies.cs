namespace Observatoire.Web.Infrastructure;

/// <summary>Authorization policies: who may see and do what, by role.</summary>
public static class Policies
{
    /// <summary>Any signed-in account with a role.</summary>
    public const string Member = nameof(Member);
    /// <summary>May log observations and edit the wiki.</summary>
    public const string Contributor = nameof(Contributor);
    /// <summary>Working group: validates, structures, publishes.</summary>
    public const string Coordination = nameof(Coordination);
    /// <summary>Reads the full dashboard and downloads syntheses.</summary>
    public const string Reader = nameof(Reader);
    public const string Admin = nameof(Admin);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Member, p => p.RequireRole(Roles.All));
        options.AddPolicy(Contributor, p => p.RequireRole(Roles.Administrateur, Roles.Coordination, Roles.Contributeur));
        options.AddPolicy(Coordination, p => p.RequireRole(Roles.Administrateur, Roles.Coordination));
        options.AddPolicy(Reader, p => p.RequireRole(Roles.Administrateur, Roles.Coordination, Roles.Partenaire));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Administrateur));
    }
}
