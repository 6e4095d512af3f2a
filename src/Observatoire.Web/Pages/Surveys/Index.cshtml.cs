namespace Observatoire.Web.Pages.Surveys;

/// <summary>Open surveys, for anyone.</summary>
[AllowAnonymous]
public class IndexModel(ObservatoireDbContext db, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<OpenSurveys.Item> Surveys { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Surveys = await OpenSurveys.QueryAsync(db, ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Coordination)).Succeeded;
    }
}
