namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// Eight observations whose figures are counted by hand in the tests. Period: 15 January – 31 March 2026.
/// <code>
/// #  date        structure (kind)          territory  status   themes            audiences        tools                participants level
/// 1  2026-01-20  Pluriel (centre social)   Sanitas    validée  emploi            jeunes           nextcloud, whatsapp  10           découverte
/// 2  2026-02-10  Pluriel                   Sanitas    validée  emploi, éducation jeunes, seniors  nextcloud            6            prise en main
/// 3  2026-03-05  Résoudre (association)    Rabière    validée  emploi            seniors          whatsapp             4            autonomie
/// 4  2026-03-31  Résoudre                  Rabière    validée  éducation         —                —                    7            prise en main
/// 5  2026-02-20  Résoudre                  Rabière    soumise  emploi            —                —                    100
/// 6  2026-01-10  Pluriel                   Sanitas    validée  emploi            —                —                    5   (previous period)
/// 7  2025-11-15  Résoudre                  Rabière    validée  éducation         —                —                    3   (previous period)
/// 8  2026-04-01  Pluriel                   Sanitas    validée  emploi            —                —                    50  (after the period)
/// </code>
/// Sanitas is a quartier of Tours, Rabière of Joué-lès-Tours. Nextcloud is free software, WhatsApp is not.
/// </summary>
public static class DashboardData
{
    public static readonly DateOnly From = new(2026, 1, 15);
    public static readonly DateOnly To = new(2026, 3, 31);
    public const string Query = "du=2026-01-15&au=2026-03-31";

    /// <summary>The dashboard over the period.</summary>
    public const string Url = "/tableau-de-bord?" + Query;

    public sealed record Ids(int First, int Submitted);

    public static Task<Ids> SeedAsync(PortalFixture portal) => portal.Seed(s =>
    {
        var sanitas = s.Quartier("Sanitas", s.Territory("Tours"));
        var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
        var pluriel = s.Structure("Centre social Pluriel", sanitas, "Centre social");
        var resoudre = s.Structure("Résoudre", rabiere, "Association");
        var emploi = s.Theme("Emploi");
        var education = s.Theme("Éducation");
        emploi.SortOrder = 1;
        education.SortOrder = 2;
        var jeunes = s.Audience("Jeunes");
        var seniors = s.Audience("Seniors");
        jeunes.SortOrder = 1;
        seniors.SortOrder = 2;
        var nextcloud = s.Tool("Nextcloud", "Travail collaboratif", "Libre");
        var whatsapp = s.Tool("WhatsApp", "Communication et messagerie", "Propriétaire");

        var first = s.Observation("Atelier CV", pluriel, sanitas, observedOn: new(2026, 1, 20), participants: 10,
            themes: [emploi], audiences: [jeunes], tools: [nextcloud, whatsapp], level: AppropriationLevel.Discovery);
        s.Observation("Soutien scolaire en ligne", pluriel, sanitas, observedOn: new(2026, 2, 10), participants: 6,
            themes: [emploi, education], audiences: [jeunes, seniors], tools: [nextcloud], level: AppropriationLevel.GettingStarted);
        s.Observation("Groupe d'entraide", resoudre, rabiere, observedOn: new(2026, 3, 5), participants: 4,
            themes: [emploi], audiences: [seniors], tools: [whatsapp], level: AppropriationLevel.Autonomy);
        s.Observation("Atelier parents", resoudre, rabiere, observedOn: new(2026, 3, 31), participants: 7,
            themes: [education], level: AppropriationLevel.GettingStarted);
        var submitted = s.Observation("En attente", resoudre, rabiere, status: ObservationStatus.Submitted,
            observedOn: new(2026, 2, 20), participants: 100, themes: [emploi]);
        s.Observation("Avant la période", pluriel, sanitas, observedOn: new(2026, 1, 10), participants: 5, themes: [emploi]);
        s.Observation("Période précédente", resoudre, rabiere, observedOn: new(2025, 11, 15), participants: 3, themes: [education]);
        s.Observation("Après la période", pluriel, sanitas, observedOn: new(2026, 4, 1), participants: 50, themes: [emploi]);
        return (first, submitted);
    }).ContinueWith(t => new Ids(t.Result.first.Id, t.Result.submitted.Id));

    public sealed record DashboardSurvey(Survey Survey, SurveySection Section, Question Question, QuestionOption[] Options);

    /// <summary>
    /// Adds to <paramref name="db"/> (without saving) an open survey « usages » with one section « Vous » holding a question
    /// shown on the dashboard, whose options are these (label, code) in order. The caller adds the responses.
    /// </summary>
    public static DashboardSurvey SurveyOnTheDashboard(Observatoire.Web.Data.ObservatoireDbContext db, string title, string question,
        QuestionType type, params (string Label, string Code)[] options)
    {
        var now = DateTime.UtcNow;
        var survey = new Survey { Title = title, Slug = "usages", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now };
        var section = new SurveySection { Survey = survey, Order = 1, Title = "Vous" };
        var shown = new Question { Survey = survey, Section = section, Order = 1, Text = question, Type = type, ShowOnDashboard = true };
        var added = options.Select((o, i) => new QuestionOption { Question = shown, Order = i + 1, Label = o.Label, Code = o.Code }).ToArray();
        db.AddRange(survey, section, shown);
        db.AddRange(added);
        return new DashboardSurvey(survey, section, shown, added);
    }
}
