namespace Observatoire.Web.Pages.Observations;

/// <summary>What the creation and edit pages share, so that one partial (_ObservationFields) renders both forms.</summary>
public abstract class ObservationFormPage : PageModel
{
    [BindProperty] public ObservationInput Input { get; set; } = new();
    public ObservationForm Form { get; protected set; } = new();

    /// <summary>"brouillon" keeps a draft, "soumettre" sends it to Coordination.</summary>
    [BindProperty] public string? Intent { get; set; }

    /// <summary>Shown on the save buttons: only drafts can be submitted from the form.</summary>
    public bool CanSubmit { get; protected set; } = true;

    public bool HasError(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0;
}
