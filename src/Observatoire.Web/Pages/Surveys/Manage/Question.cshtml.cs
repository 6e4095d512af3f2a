namespace Observatoire.Web.Pages.Surveys.Manage;

/// <summary>
/// Creates or edits one question: type, wording, help, required, options (new ones typed one per line, existing ones
/// reworded, removed or reordered with buttons, no JavaScript needed), bounds, scale labels, and the condition that
/// shows it. « Enregistrer et ajouter une autre » chains questions without going back to the survey page.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public class QuestionModel(ObservatoireDbContext db) : PageModel
{
    /// <summary>Lines of the new-options box a save accepts: far more than a survey question should offer.</summary>
    public const int MaxNewOptions = 100;

    public const int OptionLabelMax = 200;

    /// <summary>
    /// A bound typed as text (« -1 000 000 000,00 » is 17 characters): the model's bound is its range, said as
    /// « Nombre trop grand »; the length only stops a paste of anything else.
    /// </summary>
    public const int NumberMaxLength = 20;

    /// <summary>The new-options box's bound: <see cref="MaxNewOptions"/> lines of <see cref="OptionLabelMax"/> characters.</summary>
    public const int NewOptionsMax = MaxNewOptions * (OptionLabelMax + 1);

    public record SectionChoice(int Id, string Title);
    public record ConditionChoice(int QuestionId, string Question, QuestionType Type, IReadOnlyList<(int Id, string Label)> Options);

    /// <summary>What holds on to an existing option: the answers that chose it and the questions it shows.</summary>
    public record OptionUse(int Answers, int Conditions);

    [BindProperty] public InputModel Input { get; set; } = new();
    public int SurveyId { get; private set; }
    public string SurveyTitle { get; private set; } = "";
    public int? QuestionId { get; private set; }
    public int AnswerCount { get; private set; }
    public IReadOnlyList<SectionChoice> Sections { get; private set; } = [];
    public IReadOnlyList<ConditionChoice> Conditions { get; private set; } = [];
    public IReadOnlyDictionary<int, OptionUse> OptionUses { get; private set; } = new Dictionary<int, OptionUse>();

    public class InputModel
    {
        public int SectionId { get; set; }

        [Required(ErrorMessage = "Écrivez la question.")]
        [StringLength(500, ErrorMessage = "500 caractères au plus.")]
        [Display(Name = "Question")]
        public string Text { get; set; } = "";

        [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
        [Display(Name = "Aide (facultatif)")]
        public string? HelpText { get; set; }

        [Display(Name = "Type de réponse")]
        public QuestionType Type { get; set; } = QuestionType.SingleChoice;

        [Display(Name = "Réponse obligatoire")]
        public bool Required { get; set; }

        [Display(Name = "Proposer « Autre » avec une réponse libre")]
        public bool AllowOther { get; set; }

        [StringLength(80, ErrorMessage = "80 caractères au plus.")]
        [Display(Name = "Libellé du 1")]
        public string? ScaleMinLabel { get; set; }

        [StringLength(80, ErrorMessage = "80 caractères au plus.")]
        [Display(Name = "Libellé du 5")]
        public string? ScaleMaxLabel { get; set; }

        // Decimal bounds: the int overload converts the value to int, which throws (500) on « 100000000000000000000 ».
        [Range(typeof(decimal), "-1000000000", "1000000000", ParseLimitsInInvariantCulture = true, ErrorMessage = "Nombre trop grand.")]
        [Display(Name = "Minimum (facultatif)")]
        public decimal? MinNumber { get; set; }

        // Decimal bounds: the int overload converts the value to int, which throws (500) on « 100000000000000000000 ».
        [Range(typeof(decimal), "-1000000000", "1000000000", ParseLimitsInInvariantCulture = true, ErrorMessage = "Nombre trop grand.")]
        [Display(Name = "Maximum (facultatif)")]
        public decimal? MaxNumber { get; set; }

        [Display(Name = "Montrer au tableau de bord")]
        public bool ShowOnDashboard { get; set; }

        /// <summary>Id of the option that shows this question; null: always shown.</summary>
        [Display(Name = "Afficher cette question")]
        public int? ConditionOptionId { get; set; }

        /// <summary>The options already saved, by id: reworded, removed or moved in place so answers keep pointing at them.</summary>
        public List<OptionInput> Options { get; set; } = [];

        /// <summary>New options, one per line: as many as the author needs, in one save.</summary>
        [Display(Name = "Réponses possibles, une par ligne")]
        [StringLength(NewOptionsMax, ErrorMessage = "20 100 caractères au plus : 100 réponses de 200 caractères.")]
        public string? NewOptions { get; set; }
    }

    public class OptionInput
    {
        public int? Id { get; set; }

        [StringLength(OptionLabelMax, ErrorMessage = "200 caractères au plus.")]
        public string? Label { get; set; }

        public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, int? questionId, int? partie, QuestionType? type, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.Id == id, ct)) return NotFound();
        if (questionId is int qid)
        {
            var q = await db.Questions.AsNoTracking().Include(x => x.Options).SingleOrDefaultAsync(x => x.Id == qid && x.SurveyId == id, ct);
            if (q is null) return NotFound();
            Input = new InputModel
            {
                SectionId = q.SectionId, Text = q.Text, HelpText = q.HelpText, Type = q.Type, Required = q.Required, AllowOther = q.AllowOther,
                ScaleMinLabel = q.ScaleMinLabel, ScaleMaxLabel = q.ScaleMaxLabel, MinNumber = q.MinNumber, MaxNumber = q.MaxNumber,
                ShowOnDashboard = q.ShowOnDashboard, ConditionOptionId = q.ConditionOptionId,
                Options = q.Type.HasEditableOptions()
                    ? q.Options.OrderBy(o => o.Order).ThenBy(o => o.Id).Select(o => new OptionInput { Id = o.Id, Label = o.Label }).ToList()
                    : [],
            };
        }
        else
        {
            Input.SectionId = partie ?? await db.SurveySections.Where(s => s.SurveyId == id).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync(ct);
            // « Enregistrer et ajouter une autre » passes the previous type on: a run of questions is often of one kind.
            if (type is QuestionType t && Enum.IsDefined(t)) Input.Type = t;
        }
        await LoadAsync(id, questionId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? questionId, string? move, string? next, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.Id == id, ct)) return NotFound();
        var question = questionId is int qid
            ? await db.Questions.Include(q => q.Options).SingleOrDefaultAsync(q => q.Id == qid && q.SurveyId == id, ct)
            : null;
        if (questionId is not null && question is null) return NotFound();
        await LoadAsync(id, questionId, ct);

        ApplyMove(move);
        var kept = Input.Options.Where(o => !o.Remove && !string.IsNullOrWhiteSpace(o.Label)).ToList();
        var added = NewOptionLines(kept);
        if (added.Count > MaxNewOptions)
            ModelState.AddModelError("Input.NewOptions", $"{MaxNewOptions} réponses au plus en une fois.");
        if (added.FirstOrDefault(l => l.Length > OptionLabelMax) is { } tooLong)
            ModelState.AddModelError("Input.NewOptions", $"Une réponse fait 200 caractères au plus : « {tooLong[..40]}… » en a {tooLong.Length}.");
        kept.AddRange(added.Select(l => new OptionInput { Label = l }));
        var section = Sections.FirstOrDefault(s => s.Id == Input.SectionId);
        if (section is null) ModelState.AddModelError("Input.SectionId", "Choisissez une partie de cette enquête.");
        if (Input.Type.HasEditableOptions() && kept.Count < 2)
            ModelState.AddModelError("Input.NewOptions", "Écrivez au moins deux réponses possibles, une par ligne.");
        if (Input.Type == QuestionType.Number && Input.MinNumber > Input.MaxNumber)
            ModelState.AddModelError("Input.MaxNumber", "Le maximum doit être supérieur ou égal au minimum.");

        // A condition points at an option of a question in an earlier part, so each screen is decided before it shows.
        var sectionOrder = Sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        int? conditionQuestionId = null;
        if (Input.ConditionOptionId is int optionId)
        {
            var target = await db.QuestionOptions.AsNoTracking().Where(o => o.Id == optionId && o.Question.SurveyId == id)
                .Select(o => new { o.QuestionId, o.Question.SectionId }).SingleOrDefaultAsync(ct);
            if (target is null || section is null || sectionOrder[target.SectionId] >= sectionOrder[section.Id] || target.QuestionId == questionId)
                ModelState.AddModelError("Input.ConditionOptionId", "La condition doit porter sur une question d'une partie précédente.");
            else conditionQuestionId = target.QuestionId;
        }

        if (question is not null)
        {
            if (AnswerCount > 0 && question.Type != Input.Type)
                ModelState.AddModelError("Input.Type", $"Cette question a déjà {AnswerCount} réponse(s) : son type ne peut plus changer.");
            var removedIds = question.Options.Select(o => o.Id).Except(kept.Where(o => o.Id is not null).Select(o => o.Id!.Value)).ToList();
            if (Input.Type.HasEditableOptions() && removedIds.Count > 0)
            {
                var used = await db.Answers.Where(a => a.OptionId != null && removedIds.Contains(a.OptionId.Value))
                    .Select(a => a.Option!.Label).Distinct().ToListAsync(ct);
                if (used.Count > 0)
                    ModelState.AddModelError("Input.Options", $"Déjà choisie(s) par des répondants, donc à garder (vous pouvez la reformuler) : {string.Join(", ", used.Select(u => $"« {u} »"))}.");
            }
        }
        if (!ModelState.IsValid)
        {
            KeepTypedOptions();
            return Page();
        }

        var isNew = question is null;
        if (question is null)
        {
            var order = await db.Questions.Where(q => q.SectionId == Input.SectionId).Select(q => (int?)q.Order).MaxAsync(ct) ?? -1;
            question = new Question { SurveyId = id, Text = "", Order = order + 1 };
            db.Questions.Add(question);
        }
        else if (question.SectionId != Input.SectionId)
        {
            question.Order = (await db.Questions.Where(q => q.SectionId == Input.SectionId).Select(q => (int?)q.Order).MaxAsync(ct) ?? -1) + 1;
        }
        question.SectionId = Input.SectionId;
        question.Text = Input.Text.Trim();
        question.HelpText = Blank(Input.HelpText);
        question.Type = Input.Type;
        question.Required = Input.Required;
        question.AllowOther = Input.Type.HasEditableOptions() && Input.AllowOther;
        question.ScaleMinLabel = Input.Type == QuestionType.Scale ? Blank(Input.ScaleMinLabel) : null;
        question.ScaleMaxLabel = Input.Type == QuestionType.Scale ? Blank(Input.ScaleMaxLabel) : null;
        question.MinNumber = Input.Type == QuestionType.Number ? Input.MinNumber : null;
        question.MaxNumber = Input.Type == QuestionType.Number ? Input.MaxNumber : null;
        question.ShowOnDashboard = Input.ShowOnDashboard;
        question.ConditionOptionId = conditionQuestionId is null ? null : Input.ConditionOptionId;
        question.ConditionQuestionId = conditionQuestionId;
        SyncOptions(question, kept);
        if (!isNew && !question.Type.HasOptions())
        {
            // Questions that depended on this one's options no longer can.
            foreach (var d in await db.Questions.Where(q => q.ConditionQuestionId == question.Id).ToListAsync(ct))
                (d.ConditionQuestionId, d.ConditionOptionId) = (null, null);
        }
        await db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, DateTime.UtcNow), ct);
        await db.SaveChangesAsync(ct);
        if (move is not null)
        {
            TempData["Message"] = "Ordre des réponses enregistré.";
            return RedirectToPage(new { id, questionId = question.Id });
        }
        if (next is not null)
        {
            TempData["Message"] = $"Question « {question.Text} » {(isNew ? "ajoutée" : "enregistrée")}. Écrivez la suivante.";
            // Spelled out: RedirectToPage would carry the ambient questionId over when the saved question was an edit.
            return LocalRedirect($"/enquetes/gestion/{id}/question?partie={question.SectionId}&type={question.Type}");
        }
        TempData["Message"] = isNew ? "Question ajoutée." : "Question enregistrée.";
        return RedirectToPage("Edit", null, new { id }, $"question-{question.Id}");
    }

    private void SyncOptions(Question question, List<OptionInput> kept)
    {
        if (SurveyEditing.GeneratedOptions(question.Type) is { } generated)
        {
            if (question.Options.Select(o => o.Code).SequenceEqual(generated.Select(g => g.Code))) return;
            db.QuestionOptions.RemoveRange(question.Options);
            question.Options.Clear();
            for (var i = 0; i < generated.Length; i++)
                question.Options.Add(new QuestionOption { Label = generated[i].Label, Code = generated[i].Code, Order = i });
            return;
        }
        if (!question.Type.HasEditableOptions())
        {
            db.QuestionOptions.RemoveRange(question.Options);
            question.Options.Clear();
            return;
        }
        var existing = question.Options.ToDictionary(o => o.Id);
        var keptIds = kept.Where(k => k.Id is int i && existing.ContainsKey(i)).Select(k => k.Id!.Value).ToHashSet();
        foreach (var gone in question.Options.Where(o => !keptIds.Contains(o.Id)).ToList())
        {
            db.QuestionOptions.Remove(gone);
            question.Options.Remove(gone);
        }
        var codes = question.Options.Select(o => o.Code).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var label = kept[i].Label!.Trim();
            if (kept[i].Id is int oid && existing.TryGetValue(oid, out var option) && keptIds.Contains(oid))
            {
                option.Label = label;
                option.Order = i;
            }
            else
            {
                var code = SurveyEditing.NewOptionCode(label, codes);
                codes.Add(code);
                question.Options.Add(new QuestionOption { Label = label, Code = code, Order = i });
            }
        }
    }

    /// <summary>"haut:2" or "bas:2" swaps option 2 with its neighbour in the posted list.</summary>
    private void ApplyMove(string? move)
    {
        if (move?.Split(':') is not [var direction, var number] || !int.TryParse(number, out var index)) return;
        var other = direction == "haut" ? index - 1 : index + 1;
        if (index < 0 || other < 0 || index >= Input.Options.Count || other >= Input.Options.Count) return;
        (Input.Options[index], Input.Options[other]) = (Input.Options[other], Input.Options[index]);
    }

    /// <summary>
    /// The lines of the new-options box, trimmed, blank lines dropped, and a line equal to an option already in the list
    /// dropped too: pasting the whole list again must not double it. Rows posted without an id (a form from before the
    /// box existed) count as new lines.
    /// </summary>
    private List<string> NewOptionLines(List<OptionInput> kept)
    {
        var seen = new HashSet<string>(kept.Where(o => o.Id is not null).Select(o => o.Label!.Trim()), StringComparer.OrdinalIgnoreCase);
        var lines = kept.Where(o => o.Id is null).Select(o => o.Label!)
            .Concat((Input.NewOptions ?? "").Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && seen.Add(l))
            .ToList();
        kept.RemoveAll(o => o.Id is null);
        return lines;
    }

    /// <summary>A refused form comes back with every typed line in the box, rows without an id folded into it.</summary>
    private void KeepTypedOptions()
    {
        var loose = Input.Options.Where(o => o.Id is null && !string.IsNullOrWhiteSpace(o.Label)).Select(o => o.Label!.Trim()).ToList();
        if (loose.Count > 0)
            Input.NewOptions = string.Join("\n", loose.Append(Input.NewOptions ?? "").Where(l => l.Length > 0));
        Input.Options = Input.Options.Where(o => o.Id is not null).ToList();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task LoadAsync(int id, int? questionId, CancellationToken ct)
    {
        SurveyId = id;
        QuestionId = questionId;
        SurveyTitle = await db.Surveys.Where(s => s.Id == id).Select(s => s.Title).SingleAsync(ct);
        Sections = await db.SurveySections.AsNoTracking().Where(s => s.SurveyId == id).OrderBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new SectionChoice(s.Id, s.Title)).ToListAsync(ct);
        AnswerCount = questionId is int qid ? await db.Answers.CountAsync(a => a.QuestionId == qid, ct) : 0;
        if (questionId is int oq)
        {
            OptionUses = await db.QuestionOptions.AsNoTracking().Where(o => o.QuestionId == oq)
                .Select(o => new
                {
                    o.Id,
                    Answers = db.Answers.Count(a => a.OptionId == o.Id),
                    Conditions = db.Questions.Count(q => q.ConditionOptionId == o.Id),
                })
                .ToDictionaryAsync(o => o.Id, o => new OptionUse(o.Answers, o.Conditions), ct);
        }
        // Only questions of earlier parts can decide whether this one shows (each screen is decided before it opens),
        // so only they are offered: the list never proposes what the save would refuse.
        var position = Sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var earlier = position.TryGetValue(Input.SectionId, out var here) ? position.Where(p => p.Value < here).Select(p => p.Key).ToList() : [];
        var candidates = await db.Questions.AsNoTracking()
            .Where(q => q.SurveyId == id && q.Id != questionId && earlier.Contains(q.SectionId) && q.Options.Any())
            .OrderBy(q => q.Section.Order).ThenBy(q => q.Order)
            .Select(q => new { q.Id, q.Text, q.Type, Options = q.Options.OrderBy(o => o.Order).Select(o => new { o.Id, o.Label }).ToList() })
            .ToListAsync(ct);
        Conditions = candidates.Select(c => new ConditionChoice(c.Id, c.Text, c.Type, c.Options.Select(o => (o.Id, o.Label)).ToList())).ToList();
    }
}
