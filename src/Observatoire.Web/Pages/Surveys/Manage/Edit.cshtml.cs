namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>
/// The builder's main page: the survey's settings, its sections and questions in order (up/down buttons that
/// work without JavaScript), several questions added at once, publishing and closing, duplication.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class EditModel(ObservatoireDbContext db) : PageModel
{
    public record QuestionRow(int Id, int Order, string Text, QuestionType Type, bool Required, string? Condition, int Options);
    public record SectionRow(int Id, int Order, string Title, string? Intro, IReadOnlyList<QuestionRow> Questions);

    [BindProperty] public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public SurveyStatus Status { get; private set; }
    public int Responses { get; private set; }
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];
    public bool Conflict { get; private set; }

    /// <summary>A refused quick add, shown again in its part with what was typed.</summary>
    public record QuickAddState(int SectionId, string Lines, QuestionType Type, bool Required, string Error);
    public QuickAddState? QuickAdd { get; private set; }

    public const int QuickAddMaxLines = 50;

    /// <summary>The quick-add box's bound: 50 questions of 400 characters with their answers, far more than typed at once.</summary>
    public const int QuickAddMaxChars = 20_000;

    public class InputModel
    {
        [Required(ErrorMessage = "Donnez un titre à l'enquête.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        [Display(Name = "Titre")]
        public string Title { get; set; } = "";

        [StringLength(4000, ErrorMessage = "4 000 caractères au plus.")]
        [Display(Name = "Texte d'accueil", Description = "Ce que les répondants lisent avant de commencer. Laissez une ligne vide entre deux paragraphes.")]
        public string? Intro { get; set; }

        [Display(Name = "Ouverture (facultatif)", Description = "Heure de Paris. Vide : dès la publication.")]
        public DateTime? OpensAt { get; set; }

        [Display(Name = "Fermeture (facultatif)", Description = "Heure de Paris. Vide : jusqu'à ce que vous la fermiez.")]
        public DateTime? ClosesAt { get; set; }

        [Display(Name = "Une seule réponse par code d'invitation (codes distribués sur papier)")]
        public bool RequiresInvitation { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        Input = new InputModel
        {
            Title = survey.Title, Intro = survey.Intro, RequiresInvitation = survey.RequiresInvitation, Version = survey.Version,
            OpensAt = survey.OpensAt is DateTime o ? ParisTime.FromUtc(o) : null,
            ClosesAt = survey.ClosesAt is DateTime c ? ParisTime.FromUtc(c) : null,
        };
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        if (Input.OpensAt is DateTime from && Input.ClosesAt is DateTime to && to <= from)
            ModelState.AddModelError("Input.ClosesAt", "La fermeture doit venir après l'ouverture.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        db.Entry(survey).Property(s => s.Version).OriginalValue = Input.Version;
        survey.Title = Input.Title.Trim();
        survey.Intro = string.IsNullOrWhiteSpace(Input.Intro) ? null : Input.Intro.Trim();
        survey.OpensAt = Input.OpensAt is DateTime o ? ParisTime.ToUtc(o) : null;
        survey.ClosesAt = Input.ClosesAt is DateTime c ? ParisTime.ToUtc(c) : null;
        survey.RequiresInvitation = Input.RequiresInvitation;
        survey.UpdatedAt = DateTime.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved in between: keep what this person typed, show it, and let them save again knowingly.
            Conflict = true;
            var current = await db.Surveys.AsNoTracking().Where(s => s.Id == id).Select(s => s.Version).SingleAsync(ct);
            Input.Version = current;
            ModelState.Remove("Input.Version");
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = "Réglages de l'enquête enregistrés.";
        return RedirectToPage(new { id });
    }

    /// <summary>Draft → open → closed; reopening is allowed, going back to draft only without responses.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, SurveyStatus to, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        string? refusal = to switch
        {
            SurveyStatus.Open when !await db.Questions.AnyAsync(q => q.SurveyId == id, ct) =>
                "Ajoutez au moins une question avant de publier l'enquête.",
            SurveyStatus.Draft when await SurveyEditing.HasResponsesAsync(db, id, ct) =>
                "L'enquête a déjà des réponses : elle peut être fermée, mais plus remise en brouillon.",
            _ => null,
        };
        if (refusal is not null)
        {
            TempData["Message"] = refusal;
            return RedirectToPage(new { id });
        }
        survey.Status = to;
        survey.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = to switch
        {
            SurveyStatus.Open => "Enquête publiée : elle accepte les réponses à son adresse publique.",
            SurveyStatus.Closed => "Enquête fermée : elle n'accepte plus de réponses.",
            _ => "Enquête remise en brouillon.",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDuplicateAsync(int id, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.Id == id, ct)) return NotFound();
        var copy = await SurveyEditing.DuplicateAsync(db, id, ct);
        TempData["Message"] = "Copie créée en brouillon, sans les réponses. Vous modifiez maintenant la copie.";
        return RedirectToPage(new { id = copy.Id });
    }

    /// <summary>
    /// A refused part form (the new part's when <see cref="SectionId"/> is null), shown again open with what was typed
    /// and each message next to its field (« sectionTitle », « sectionIntro »).
    /// </summary>
    public record SectionState(int? SectionId, string Title, string Intro, IReadOnlyDictionary<string, string> Errors);
    public SectionState? SectionRefused { get; private set; }

    public const int SectionTitleMax = 200, SectionIntroMax = 4000;

    /// <summary>One field of a part form (<c>_SectionField</c>), with the refusal it may have to show.</summary>
    public record SectionFieldView(string Id, string Name, string Label, string Value, int MaxLength, SectionState? Refused, bool Multiline = false);

    /// <summary>
    /// The messages for a part's title and introduction, by field (empty when both are fine). These handlers take their
    /// values as parameters, so UserTextFilter's verdict is read from ModelState under the parameter's name.
    /// </summary>
    private Dictionary<string, string> SectionProblems(string? title, string? intro, bool titleRequired)
    {
        var errors = new Dictionary<string, string>();
        string? Typed(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;
        var trimmed = title?.Trim() ?? "";
        if ((Typed("sectionTitle")
             ?? (titleRequired && trimmed.Length == 0 ? "Donnez un titre à la partie." : null)
             ?? (trimmed.Length > SectionTitleMax
                 ? $"Le titre d'une partie fait {SectionTitleMax} caractères au plus (celui-ci en fait {trimmed.Length.ToString("N0", French.Culture)})."
                 : null)) is { } titleError)
            errors["sectionTitle"] = titleError;
        if ((Typed("sectionIntro")
             ?? (intro?.Length > SectionIntroMax
                 ? $"L'introduction d'une partie fait {SectionIntroMax.ToString("N0", French.Culture)} caractères au plus (celle-ci en fait {intro.Length.ToString("N0", French.Culture)})."
                 : null)) is { } introError)
            errors["sectionIntro"] = introError;
        return errors;
    }

    public async Task<IActionResult> OnPostAddSectionAsync(int id, string? sectionTitle, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.Id == id, ct)) return NotFound();
        if (SectionProblems(sectionTitle, null, titleRequired: false) is { Count: > 0 } errors)
            return await SendBackAsync(id, () => SectionRefused = new SectionState(null, sectionTitle ?? "", "", errors), ct);
        var title = string.IsNullOrWhiteSpace(sectionTitle) ? "Nouvelle partie" : sectionTitle.Trim();
        var order = await db.SurveySections.Where(s => s.SurveyId == id).Select(s => (int?)s.Order).MaxAsync(ct) ?? -1;
        db.SurveySections.Add(new SurveySection { SurveyId = id, Order = order + 1, Title = title });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Partie « {title} » ajoutée.";
        return RedirectToPage(null, null, new { id }, "parties");
    }

    public async Task<IActionResult> OnPostSectionAsync(int id, int sectionId, string? sectionTitle, string? sectionIntro, CancellationToken ct)
    {
        var section = await db.SurveySections.SingleOrDefaultAsync(s => s.Id == sectionId && s.SurveyId == id, ct);
        if (section is null) return NotFound();
        if (SectionProblems(sectionTitle, sectionIntro, titleRequired: true) is { Count: > 0 } errors)
            return await SendBackAsync(id, () => SectionRefused = new SectionState(sectionId, sectionTitle ?? "", sectionIntro ?? "", errors), ct);
        section.Title = sectionTitle!.Trim();
        section.Intro = string.IsNullOrWhiteSpace(sectionIntro) ? null : sectionIntro.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Partie enregistrée.";
        return RedirectToPage(null, null, new { id }, $"partie-{sectionId}");
    }

    /// <summary>
    /// The builder again, its settings as saved, with one part form refused: <paramref name="refuse"/> records which.
    /// The page's own Input is not posted with the part forms, so ModelState holds only unrelated errors: cleared.
    /// </summary>
    private async Task<IActionResult> SendBackAsync(int id, Action refuse, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        Input = new InputModel
        {
            Title = survey.Title, Intro = survey.Intro, RequiresInvitation = survey.RequiresInvitation, Version = survey.Version,
            OpensAt = survey.OpensAt is DateTime o ? ParisTime.FromUtc(o) : null,
            ClosesAt = survey.ClosesAt is DateTime c ? ParisTime.FromUtc(c) : null,
        };
        ModelState.Clear();
        refuse();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveSectionAsync(int id, int sectionId, string direction, CancellationToken ct)
    {
        var sections = await db.SurveySections.Where(s => s.SurveyId == id).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        var index = sections.FindIndex(s => s.Id == sectionId);
        if (index < 0) return NotFound();
        var other = direction == "haut" ? index - 1 : index + 1;
        if (other >= 0 && other < sections.Count)
        {
            (sections[index], sections[other]) = (sections[other], sections[index]);
            var position = sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var broken = await db.Questions.Where(q => q.SurveyId == id && q.ConditionQuestionId != null)
                .Select(q => new { q.Text, q.SectionId, ParentSection = q.ConditionQuestion!.SectionId })
                .ToListAsync(ct);
            var conflict = broken.FirstOrDefault(b => position[b.ParentSection] >= position[b.SectionId]);
            if (conflict is not null)
            {
                TempData["Message"] = $"Impossible : la question « {conflict.Text} » dépend d'une réponse qui viendrait après elle. Changez d'abord sa condition.";
                return RedirectToPage(null, null, new { id }, $"partie-{sectionId}");
            }
            SurveyEditing.Renumber(sections, (s, i) => s.Order = i);
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage(null, null, new { id }, $"partie-{sectionId}");
    }

    public async Task<IActionResult> OnPostDeleteSectionAsync(int id, int sectionId, CancellationToken ct)
    {
        var section = await db.SurveySections.Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == sectionId && s.SurveyId == id, ct);
        if (section is null) return NotFound();
        if (section.Questions.Count > 0)
            TempData["Message"] = "Cette partie contient des questions : supprimez-les ou déplacez-les d'abord.";
        else if (await db.SurveySections.CountAsync(s => s.SurveyId == id, ct) == 1)
            TempData["Message"] = "Une enquête garde au moins une partie.";
        else
        {
            db.SurveySections.Remove(section);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = "Partie supprimée.";
        }
        return RedirectToPage(null, null, new { id }, "parties");
    }

    public async Task<IActionResult> OnPostMoveQuestionAsync(int id, int questionId, string direction, CancellationToken ct)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId && q.SurveyId == id, ct);
        if (question is null) return NotFound();
        var siblings = await db.Questions.Where(q => q.SectionId == question.SectionId).OrderBy(q => q.Order).ThenBy(q => q.Id).ToListAsync(ct);
        var index = siblings.FindIndex(q => q.Id == questionId);
        var other = direction == "haut" ? index - 1 : index + 1;
        if (other >= 0 && other < siblings.Count)
        {
            (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
            SurveyEditing.Renumber(siblings, (q, i) => q.Order = i);
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage(null, null, new { id }, $"question-{questionId}");
    }

    public async Task<IActionResult> OnPostDeleteQuestionAsync(int id, int questionId, CancellationToken ct)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId && q.SurveyId == id, ct);
        if (question is null) return NotFound();
        var answers = await db.Answers.CountAsync(a => a.QuestionId == questionId, ct);
        if (answers > 0)
        {
            TempData["Message"] = $"« {question.Text} » a déjà {answers} réponse(s) : elle ne peut plus être supprimée. Dupliquez l'enquête pour en préparer une nouvelle version.";
            return RedirectToPage(null, null, new { id }, $"question-{questionId}");
        }
        var dependents = await db.Questions.Where(q => q.ConditionQuestionId == questionId).ToListAsync(ct);
        foreach (var d in dependents) { d.ConditionQuestionId = null; d.ConditionOptionId = null; }
        db.Questions.Remove(question);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = dependents.Count == 0
            ? "Question supprimée."
            : $"Question supprimée. {dependents.Count} question(s) qui en dépendaient s'affichent désormais toujours.";
        return RedirectToPage(null, null, new { id }, "parties");
    }

    /// <summary>
    /// Adds one question per line to a part, all of one type. A choice question's answers follow its last « : »,
    /// separated by « ; ». Refused as a whole, with the typed lines kept, when one line cannot be saved.
    /// </summary>
    public async Task<IActionResult> OnPostQuickAddAsync(int id, int sectionId, string? lines, QuestionType type, bool required, CancellationToken ct)
    {
        if (!await db.SurveySections.AnyAsync(s => s.Id == sectionId && s.SurveyId == id, ct)) return NotFound();
        var parsed = (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => ParseQuickLine(l, type)).ToList();
        var error = ModelState["lines"]?.Errors.FirstOrDefault()?.ErrorMessage is { } typed ? typed
            : lines?.Length > QuickAddMaxChars
                ? $"{QuickAddMaxChars.ToString("N0", French.Culture)} caractères au plus en une fois (vous en avez écrit {lines.Length.ToString("N0", French.Culture)}) : ajoutez ces questions en plusieurs fois."
            : parsed.Count == 0 ? "Écrivez au moins une question."
            : parsed.Count > QuickAddMaxLines ? $"{QuickAddMaxLines} questions au plus en une fois."
            : !Enum.IsDefined(type) || ModelState["type"]?.Errors.Count > 0 ? "Choisissez un type de réponse."
            : parsed.Select(p => p.Error).FirstOrDefault(e => e is not null);
        if (error is not null)
            return await SendBackAsync(id, () => QuickAdd = new QuickAddState(sectionId, lines ?? "", type, required, error), ct);
        var order = await db.Questions.Where(q => q.SectionId == sectionId).Select(q => (int?)q.Order).MaxAsync(ct) ?? -1;
        var generated = SurveyEditing.GeneratedOptions(type);
        foreach (var (text, options, _) in parsed)
        {
            var question = new Question { SurveyId = id, SectionId = sectionId, Order = ++order, Text = text, Type = type, Required = required };
            var labels = generated?.Select(g => (g.Label, (string?)g.Code)) ?? options.Select(o => (o, (string?)null));
            var codes = new List<string>();
            foreach (var (label, given) in labels)
            {
                var code = given ?? SurveyEditing.NewOptionCode(label, codes);
                codes.Add(code);
                question.Options.Add(new QuestionOption { Label = label, Code = code, Order = codes.Count - 1 });
            }
            db.Questions.Add(question);
        }
        await db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, DateTime.UtcNow), ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{parsed.Count} question(s) ajoutée(s). Ouvrez-en une pour l'aide, la condition ou les bornes.";
        return RedirectToPage(null, null, new { id }, $"partie-{sectionId}");
    }

    private static (string Text, List<string> Options, string? Error) ParseQuickLine(string line, QuestionType type)
    {
        var text = line;
        List<string> options = [];
        if (type.HasEditableOptions())
        {
            var colon = line.LastIndexOf(':');
            if (colon < 0)
                return (line, options, $"« {Short(line)} » : écrivez ses réponses après « : », séparées par « ; ».");
            text = line[..colon].Trim();
            options = line[(colon + 1)..].Split(';').Select(o => o.Trim()).Where(o => o.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (options.Count < 2)
                return (line, options, $"« {Short(text)} » : écrivez au moins deux réponses, séparées par « ; ».");
            if (options.FirstOrDefault(o => o.Length > 200) is { } longOption)
                return (line, options, $"« {Short(longOption)} » : une réponse fait 200 caractères au plus.");
        }
        if (text.Length == 0) return (line, options, $"« {Short(line)} » : le texte de la question manque avant « : ».");
        if (text.Length > 500) return (line, options, $"« {Short(text)} » : une question fait 500 caractères au plus.");
        return (text, options, null);
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..59] + "…";

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        var head = await db.Surveys.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Slug, s.Status, Responses = db.Responses.Count(r => r.SurveyId == s.Id) }).SingleAsync(ct);
        (Id, Slug, Status, Responses) = (id, head.Slug, head.Status, head.Responses);
        var questions = await db.Questions.AsNoTracking().Where(q => q.SurveyId == id)
            .OrderBy(q => q.Order).ThenBy(q => q.Id)
            .Select(q => new
            {
                q.SectionId,
                Row = new QuestionRow(q.Id, q.Order, q.Text, q.Type, q.Required,
                    q.ConditionOption == null ? null : "si « " + q.ConditionQuestion!.Text + " » = « " + q.ConditionOption.Label + " »",
                    q.Options.Count),
            })
            .ToListAsync(ct);
        Sections = await db.SurveySections.AsNoTracking().Where(s => s.SurveyId == id).OrderBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new SectionRow(s.Id, s.Order, s.Title, s.Intro, new List<QuestionRow>()))
            .ToListAsync(ct);
        Sections = Sections.Select(s => s with { Questions = questions.Where(q => q.SectionId == s.Id).Select(q => q.Row).ToList() }).ToList();
    }
}
