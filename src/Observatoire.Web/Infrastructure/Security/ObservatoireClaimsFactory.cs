using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Infrastructure;

public class ObservatoireClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ObservatoireClaims.DisplayName, user.DisplayName));
        if (await UserManager.GetTwoFactorEnabledAsync(user))
            identity.AddClaim(new Claim(ObservatoireClaims.TwoFactor, "on"));
        return identity;
    }
}
