namespace Observatoire.Web.Pages.Wiki;

/// <summary>Starts a page from its title: the slug is made once here, then the editor opens.</summary>
[Authorize(Policy = Policies.Contributor)]
public class NewModel(ObservatoireDbContext db) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ExistingSlug { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un titre à la page.")]
        [StringLength(200, ErrorMessage = "Le titre ne peut dépasser 200 caractères.")]
        public string Title { get; set; } = "";
        public bool Report { get; set; } = true;
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var slug = Slug.From(Input.Title, 140);
        if (WikiAccess.ReservedSlugs.Contains(slug))
        {
            ModelState.AddModelError("Input.Title", "Ce titre est réservé par le wiki : choisissez-en un autre.");
            return Page();
        }
        if (await db.WikiPages.AnyAsync(p => p.Slug == slug, ct))
        {
            ExistingSlug = slug;
            ModelState.AddModelError("Input.Title", "Une page porte déjà ce titre.");
            return Page();
        }
        return Redirect($"/wiki/{slug}/modifier?titre={Uri.EscapeDataString(Input.Title.Trim())}" + (Input.Report ? "&type=retour" : ""));
    }
}
