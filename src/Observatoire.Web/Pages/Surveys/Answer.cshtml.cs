using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>
/// Answering a survey without an account, one section per screen. The answers so far travel in a hidden field;
/// conditions are resolved here, so the form works without JavaScript. Also serves the builder's preview
/// (<c>?apercu=1</c>, nothing stored) and assisted entry by a field worker (<c>?assiste=1</c>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SurveySubmit)]
public class AnswerModel(ObservatoireDbContext db, SurveyFormCache forms, IAuthorizationService authorization, ILogger<AnswerModel> log)
    : PageModel
{
    public enum Screen { Intro, Section, Saved, Closed, NotYetOpen }

    public const string HoneypotField = "site_web";
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(30);

    public SurveyForm Form { get; private set; } = null!;
    public AnswerState State { get; private set; } = new();
    public Screen Show { get; private set; }
    public SurveyForm.FormSection? Section { get; private set; }
    public int StepNumber { get; private set; }
    public int StepCount { get; private set; }
    /// <summary>Fewest and most screens this survey can have: the intro, and a screen whose count is not known yet, say both.</summary>
    public (int Fewest, int Most) Steps { get; private set; }
    /// <summary>Whether <see cref="StepCount"/> is final: no answer from this screen on can add or remove one.</summary>
    public bool StepCountKnown { get; private set; }
    public bool IsLast { get; private set; }
    public Dictionary<int, string> Errors { get; private set; } = [];
    /// <summary>Errors of the intro screen (invitation code, consent, resume code), by field name.</summary>
    public Dictionary<string, string> IntroErrors { get; private set; } = [];
    public string? TypedInvitation { get; private set; }
    /// <summary>The intro offers assisted entry to whoever may do it (<see cref="Policies.Contributor"/>, as <see cref="CheckModeAsync"/>).</summary>
    public bool CanAssist { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? assiste, string? apercu, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } missing) return missing;
        State = new AnswerState { Assisted = assiste == "1", Preview = apercu == "1" };
        if (await CheckModeAsync() is { } denied) return denied;
        CanAssist = !State.Preview && !State.Assisted && (await authorization.AuthorizeAsync(User, Policies.Contributor)).Succeeded;
        return ShowIntroOrClosed();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } missing) return missing;
        var parsed = AnswerState.Parse(Request.Form["etat"]);
        if (parsed is null)
        {
            // A lost or mangled state: start again rather than store half a response.
            State = new AnswerState();
            IntroErrors["etat"] = "La page a expiré. Recommencez depuis le début, s'il vous plaît.";
            return ShowIntroOrClosed();
        }
        State = parsed;
        if (await CheckModeAsync() is { } denied) return denied;
        if (!State.Preview && !Form.AcceptsAnswers(DateTime.UtcNow)) return ShowIntroOrClosed();

        var action = (string?)Request.Form["action"] ?? "suivant";
        var sectionId = int.TryParse(Request.Form["section"], out var id) ? id : 0;
        var current = Form.Sections.FirstOrDefault(s => s.Id == sectionId);

        if (current is null)
            return await StartAsync(ct);
        if (action == "afficher")
            return ShowSection(current);

        Form.Read(current, State, name => Request.Form[name].Select(v => v ?? "").ToList());
        var visible = Form.VisibleSections(State);
        var index = visible.ToList().FindIndex(s => s.Id == current.Id);

        switch (action)
        {
            case "precedent":
                return index <= 0 ? ShowIntroOrClosed() : ShowSection(visible[index - 1]);
            case "plus-tard":
                return await SaveDraftAsync(current, ct);
        }

        Errors = Form.Validate(current, State);
        // A NUL taken out of an answer before the form was read (FormNulCharacters) is refused next to its question,
        // like the other control characters: this page reads the form itself, so UserTextFilter's verdict is not used.
        foreach (var (name, message) in FormNulCharacters.Removed(HttpContext))
            if (current.Questions.FirstOrDefault(q => name == $"q{q.Id}" || name == $"q{q.Id}-autre") is { } question)
                Errors[question.Id] = message;
        if (Errors.Count > 0) return ShowSection(current);
        if (index >= 0 && index + 1 < visible.Count) return ShowSection(visible[index + 1]);
        return await SubmitAsync(ct);
    }

    /// <summary>Picks up answers saved earlier with a resume code.</summary>
    public async Task<IActionResult> OnPostReprendreAsync(string slug, string? code, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } missing) return missing;
        // A character no code holds is named, like in every other field, rather than « no such code ».
        if (UserText.Problem(code) is { } problem)
        {
            State = new AnswerState();
            IntroErrors["code"] = problem;
            return ShowIntroOrClosed();
        }
        var normalized = ShortCode.Normalize(code);
        var now = DateTime.UtcNow;
        var json = normalized.Length == 0 ? null : await db.ResumeDrafts.AsNoTracking()
            .Where(d => d.SurveyId == Form.SurveyId && d.Code == normalized && d.ExpiresAt > now)
            .Select(d => d.AnswersJson).SingleOrDefaultAsync(ct);
        var state = AnswerState.Parse(json);
        State = state ?? new AnswerState();
        if (state is null || await CheckModeAsync() is not null)
        {
            State = new AnswerState();
            IntroErrors["code"] = "Ce code de reprise ne correspond à aucune réponse en cours. Vérifiez les 8 caractères, ou commencez une nouvelle réponse.";
            return ShowIntroOrClosed();
        }
        if (!Form.AcceptsAnswers(now)) return ShowIntroOrClosed();
        var visible = Form.VisibleSections(State);
        var at = visible.FirstOrDefault(s => s.Id == State.At) ?? visible.FirstOrDefault();
        return at is null ? ShowIntroOrClosed() : ShowSection(at);
    }

    private async Task<IActionResult> StartAsync(CancellationToken ct)
    {
        if (!State.Preview && Form.RequiresInvitation)
        {
            TypedInvitation = Request.Form["invitation"];
            var code = ShortCode.Normalize(TypedInvitation);
            var usable = code.Length > 0 && await db.InvitationCodes.AnyAsync(c => c.SurveyId == Form.SurveyId && c.Code == code && c.UsedAt == null, ct);
            if (!usable)
                IntroErrors["invitation"] = code.Length == 0
                    ? "Écrivez le code d'invitation imprimé sur votre feuille."
                    : "Ce code d'invitation n'existe pas ou a déjà servi. Vérifiez les caractères, ou demandez un autre code à la structure qui vous l'a remis.";
            else State.Invitation = code;
        }
        if (State.Assisted)
        {
            State.Consent = Request.Form["consentement"] == "oui";
            if (!State.Consent)
                IntroErrors["consentement"] = "Cochez la case une fois que la personne a donné son accord pour que ses réponses soient enregistrées.";
        }
        if (IntroErrors.Count > 0) return ShowIntroOrClosed();
        var first = Form.VisibleSections(State).FirstOrDefault();
        if (first is null) return await SubmitAsync(ct);
        return ShowSection(first);
    }

    private async Task<IActionResult> SaveDraftAsync(SurveyForm.FormSection current, CancellationToken ct)
    {
        if (State.Preview) return ShowSection(current);
        var now = DateTime.UtcNow;
        State.At = current.Id;
        var draft = State.ResumeCode is string existing
            ? await db.ResumeDrafts.SingleOrDefaultAsync(d => d.SurveyId == Form.SurveyId && d.Code == existing, ct)
            : null;
        if (draft is null)
        {
            // Drafts past their date are purged here, so that answers never outlive the promise on screen.
            await db.ResumeDrafts.Where(d => d.ExpiresAt < now).ExecuteDeleteAsync(ct);
            State.ResumeCode = ShortCode.New();
            draft = new ResumeDraft { SurveyId = Form.SurveyId, Code = State.ResumeCode, AnswersJson = "" };
            db.ResumeDrafts.Add(draft);
        }
        draft.AnswersJson = State.Serialize();
        draft.ExpiresAt = now + DraftLifetime;
        await db.SaveChangesAsync(ct);
        Show = Screen.Saved;
        Section = current;
        return Page();
    }

    /// <summary>Stores the response in one transaction: once per idempotency key, once per invitation code.</summary>
    private async Task<IActionResult> SubmitAsync(CancellationToken ct)
    {
        var done = RedirectToPage("Thanks", new { slug = Form.Slug, apercu = State.Preview ? "1" : null, assiste = State.Assisted ? "1" : null });
        var allErrors = Form.ValidateAll(State);
        if (allErrors.Count > 0)
        {
            // Only reachable with a tampered or stale state: send the person to the first screen to fix.
            Errors = allErrors;
            var first = Form.VisibleSections(State).First(s => s.Questions.Any(q => allErrors.ContainsKey(q.Id)));
            return ShowSection(first);
        }
        if (State.Preview) return done;
        if (!string.IsNullOrEmpty(Request.Form[HoneypotField]))
        {
            // A bot filled the invisible field: it sees the usual thanks, nothing is stored.
            log.LogInformation("Réponse à l'enquête {Survey} ignorée : champ piège rempli", Form.SurveyId);
            return done;
        }
        // A transaction only when something else must change with the response; otherwise the single INSERT commits alone,
        // and stores nothing when the same form was already sent (ResponseSql). With an invitation code or a resume code,
        // a form sent again must not claim or delete anything: it is recognised first.
        var alone = !Form.RequiresInvitation && State.ResumeCode is null;
        if (!alone && await db.Responses.AnyAsync(r => r.IdempotencyKey == State.Key, ct)) return done;

        var now = DateTime.UtcNow;
        await using var tx = alone ? null : await db.Database.BeginTransactionAsync(ct);
        int? invitationId = null;
        if (tx is not null && Form.RequiresInvitation)
        {
            var code = State.Invitation ?? "";
            invitationId = await db.InvitationCodes.Where(c => c.SurveyId == Form.SurveyId && c.Code == code)
                .Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            var claimed = invitationId is null ? 0 : await db.InvitationCodes
                .Where(c => c.Id == invitationId && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
            if (claimed == 0)
            {
                await tx.RollbackAsync(ct);
                // The same form sent twice at once: the other request holds the code and stored the response.
                if (await db.Responses.AnyAsync(r => r.IdempotencyKey == State.Key, ct)) return done;
                State.Invitation = null;
                IntroErrors["invitation"] = "Ce code d'invitation a déjà servi : vos réponses n'ont pas été enregistrées. Demandez un autre code à la structure qui vous l'a remis.";
                return ShowIntroOrClosed();
            }
        }
        if (State.ResumeCode is string resume)
            await db.ResumeDrafts.Where(d => d.SurveyId == Form.SurveyId && d.Code == resume).ExecuteDeleteAsync(ct);
        try
        {
            await InsertResponseAsync(now, invitationId, Form.ToAnswers(State), ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Lost the race against the same submission (double click, network retry): it is stored once.
            if (tx is not null) await tx.RollbackAsync(ct);
            return done;
        }
        return done;
    }

    /// <summary>
    /// The response and its answers in one statement (<see cref="ResponseSql.InsertResponse"/>), sent as a plain command on
    /// the context's connection (and its transaction, if any): the busiest write of the portal skips EF's raw-SQL pipeline.
    /// </summary>
    private async Task InsertResponseAsync(DateTime now, int? invitationId, List<Answer> answers, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(ResponseSql.InsertResponse, (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            Parameters =
            {
                new("survey", Form.SurveyId),
                // Rounded to the hour: enough for analysis, too coarse to match a response with a visit.
                new("created", new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc)),
                new("assisted", State.Assisted),
                new("consent", State.Assisted && State.Consent),
                new("key", State.Key),
                new("invitation", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)invitationId ?? DBNull.Value },
                new("questions", answers.Select(a => a.QuestionId).ToArray()),
                new("options", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = answers.Select(a => a.OptionId).ToArray() },
                new("texts", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = answers.Select(a => a.Text).ToArray() },
                new("numbers", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Numeric) { Value = answers.Select(a => a.Number).ToArray() },
                new("dates", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date) { Value = answers.Select(a => a.Date).ToArray() },
                new("territories", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = answers.Select(a => a.TerritoryId).ToArray() },
                new("tools", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = answers.Select(a => a.ToolId).ToArray() },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        // The cache opens the context's connection, which then serves the request's other statements until the pooled
        // context is returned, instead of one rental from the pool per query.
        var form = await forms.LoadAsync(db, slug, ct);
        if (form is null) return NotFound();
        Form = form;
        return null;
    }

    /// <summary>Preview and assisted entry are for signed-in roles; a draft survey exists only in preview.</summary>
    private async Task<IActionResult?> CheckModeAsync()
    {
        if (State.Preview && State.Assisted) State.Assisted = false;
        var policy = State.Preview ? Policies.Coordination : State.Assisted ? Policies.Contributor : null;
        if (policy is not null && !(await authorization.AuthorizeAsync(User, policy)).Succeeded)
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        if (!State.Preview && Form.Status == SurveyStatus.Draft) return NotFound();
        return null;
    }

    private PageResult ShowIntroOrClosed()
    {
        var now = DateTime.UtcNow;
        if (State.Preview || Form.AcceptsAnswers(now))
        {
            Show = Screen.Intro;
            Steps = Form.StepRange();
        }
        else if (Form.Status == SurveyStatus.Open && Form.OpensAt > now)
            Show = Screen.NotYetOpen;
        else
        {
            Show = Screen.Closed;
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }

    private PageResult ShowSection(SurveyForm.FormSection section)
    {
        var visible = Form.VisibleSections(State);
        Show = Screen.Section;
        Section = section;
        StepCount = visible.Count;
        Steps = Form.StepRange();
        StepCountKnown = Form.StepCountKnownAt(section);
        StepNumber = visible.ToList().FindIndex(s => s.Id == section.Id) + 1;
        IsLast = StepNumber == StepCount;
        return Page();
    }
}
