namespace Observatoire.Web.Pages.Surveys;

/// <summary>Open surveys, for anyone.</summary>
[AllowAnonymous]
[ReadsFromReplica]
public class IndexModel(ObservatoireDbContext db, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<OpenSurveys.Item> Surveys { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>Field workers who may enter a resident's answers with them (the policy of <c>?assiste=1</c>).</summary>
    public bool CanAssist { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Surveys = await OpenSurveys.QueryAsync(db, ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.Coordination)).Succeeded;
        CanAssist = (await authorization.AuthorizeAsync(User, Policies.Contributor)).Succeeded;
    }
}
