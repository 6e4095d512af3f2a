using Observatoire.Web.Pages.Surveys.Manage;

namespace Observatoire.Web.Data;

/// <summary>
/// The demo survey "Vos usages du numérique", open, with a few hundred plausible responses drawn from a seeded
/// generator (the same on every load). Uses the quartiers and listed tools already in the database.
/// </summary>
public static class DemoSurveys
{
    public const string Slug = "vos-usages-du-numerique";
    public const int ResponseCount = 320;

    public static async Task LoadAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        if (await db.Surveys.AnyAsync(s => s.Slug == Slug, ct)) return;
        var now = DateTime.UtcNow;
        var survey = new Survey
        {
            Title = "Vos usages du numérique",
            Slug = Slug,
            Intro = "Téléphone, ordinateur, démarches en ligne, recherche d'emploi, école des enfants : comment faites-vous au quotidien, et de quelle aide auriez-vous besoin ?\n\n"
                + "Ce questionnaire est proposé par les associations, centres sociaux et services de Tours et Joué-lès-Tours réunis dans l'Observatoire.",
            Status = SurveyStatus.Open,
            OpensAt = now.AddDays(-75),
            ClosesAt = now.AddDays(60),
            CreatedAt = now.AddDays(-80),
            UpdatedAt = now.AddDays(-75),
        };
        var order = 0;
        SurveySection Section(string title, string? intro = null)
        {
            var s = new SurveySection { Survey = survey, Order = survey.Sections.Count, Title = title, Intro = intro };
            survey.Sections.Add(s);
            order = 0;
            return s;
        }
        Question Ask(SurveySection section, QuestionType type, string text, bool required, string[]? options = null, string? help = null,
            bool other = false, bool dashboard = false)
        {
            var q = new Question
            {
                Survey = survey, Section = section, Order = order++, Type = type, Text = text, Required = required, HelpText = help,
                AllowOther = other, ShowOnDashboard = dashboard,
            };
            var generated = SurveyEditing.GeneratedOptions(type);
            var list = generated ?? (options ?? []).Select(l => (l, SurveyEditing.NewOptionCode(l, []))).ToArray();
            var taken = new List<string>();
            foreach (var (label, code) in list)
            {
                var c = SurveyEditing.NewOptionCode(code, taken);
                taken.Add(c);
                q.Options.Add(new QuestionOption { Question = q, Order = q.Options.Count, Label = label, Code = c });
            }
            survey.Questions.Add(q);
            section.Questions.Add(q);
            return q;
        }
        QuestionOption Opt(Question q, string label) => q.Options.Single(o => o.Label == label);

        var you = Section("Vous", "Quelques questions pour savoir qui répond. Elles ne permettent pas de vous reconnaître.");
        var situation = Ask(you, QuestionType.SingleChoice, "Quelle est votre situation aujourd'hui ?", true,
            ["En emploi", "À la recherche d'un emploi", "En formation ou en études", "À la retraite", "Au foyer", "Autre situation"], dashboard: true);
        var age = Ask(you, QuestionType.SingleChoice, "Quel âge avez-vous ?", true,
            ["Moins de 18 ans", "18 à 25 ans", "26 à 45 ans", "46 à 65 ans", "Plus de 65 ans"], dashboard: true);
        var quartier = Ask(you, QuestionType.Territory, "Dans quel quartier habitez-vous ?", false, dashboard: true);
        var children = Ask(you, QuestionType.YesNo, "Avez-vous des enfants à l'école, au collège ou au lycée ?", true);

        var equipment = Section("Votre équipement");
        var devices = Ask(equipment, QuestionType.MultipleChoice, "De quels appareils disposez-vous chez vous ?", true,
            ["Un smartphone", "Un ordinateur", "Une tablette", "Aucun de ces appareils"], "Cochez tout ce qui correspond.", dashboard: true);
        var internet = Ask(equipment, QuestionType.SingleChoice, "Avez-vous internet chez vous ?", true,
            ["Oui, avec une box", "Seulement avec le forfait de mon téléphone", "Non"]);
        var ease = Ask(equipment, QuestionType.Scale, "À quel point êtes-vous à l'aise avec le numérique ?", true, dashboard: true);
        ease.ScaleMinLabel = "Pas du tout";
        ease.ScaleMaxLabel = "Très à l'aise";
        var tools = Ask(equipment, QuestionType.Tools, "Parmi ces outils, lesquels utilisez-vous ?", false, help: "Cochez ceux que vous connaissez et utilisez, même rarement.");

        var job = Section("Votre recherche d'emploi", "Ces questions s'affichent parce que vous cherchez un emploi.");
        var jobUses = Ask(job, QuestionType.MultipleChoice, "Pour chercher un emploi, que faites-vous sur internet ?", true,
            ["Je consulte des offres", "J'envoie des candidatures", "J'utilise mon espace France Travail", "Je fais ou je mets à jour mon CV", "Rien de tout cela"],
            "Cochez tout ce qui correspond.", other: true);
        var applications = Ask(job, QuestionType.Number, "Combien de candidatures avez-vous envoyées le mois dernier ?", false,
            help: "Un nombre approximatif suffit.");
        applications.MinNumber = 0;
        applications.MaxNumber = 300;

        var school = Section("La scolarité de vos enfants");
        var schoolUse = Ask(school, QuestionType.SingleChoice, "Suivez-vous la scolarité de vos enfants en ligne (Pronote, ENT) ?", true,
            ["Oui, seul·e", "Oui, avec de l'aide", "Non, je ne sais pas faire", "Non, je n'en ai pas besoin"]);

        var admin = Section("Vos démarches");
        var procedures = Ask(admin, QuestionType.MultipleChoice, "Quelles démarches avez-vous faites en ligne cette année ?", true,
            ["CAF", "Impôts", "France Travail", "Assurance maladie (Ameli)", "Carte d'identité ou titre de séjour", "Aucune"], "Cochez tout ce qui correspond.", dashboard: true);
        var difficulties = Ask(admin, QuestionType.MultipleChoice, "Qu'est-ce qui vous pose difficulté ?", false,
            ["Je n'ai pas le bon appareil", "Je ne sais pas par où commencer", "J'ai peur de faire une erreur", "Les mots de passe et les codes", "La connexion internet", "La langue"],
            "Cochez tout ce qui correspond.", other: true, dashboard: true);

        var help = Section("Votre avis");
        var wish = Ask(help, QuestionType.SingleChoice, "Aimeriez-vous être aidé·e pour utiliser le numérique ?", true,
            ["Oui, en atelier collectif", "Oui, en rendez-vous individuel", "Non, pas pour l'instant"], dashboard: true);
        var comment = Ask(help, QuestionType.LongText, "Voulez-vous ajouter quelque chose ?", false,
            help: "Ne donnez pas de nom ni d'information qui permettrait de vous reconnaître.");

        jobUses.ConditionQuestion = situation;
        jobUses.ConditionOption = Opt(situation, "À la recherche d'un emploi");
        applications.ConditionQuestion = situation;
        applications.ConditionOption = jobUses.ConditionOption;
        schoolUse.ConditionQuestion = children;
        schoolUse.ConditionOption = Opt(children, "Oui");
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);

        var quartiers = await db.Territories.Where(t => t.Kind == TerritoryKind.Neighbourhood).OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(ct);
        var toolIds = await db.DigitalTools.Where(t => t.Status == ToolStatus.Listed).OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(ct);
        var random = new Random(2026);
        string[] comments =
        [
            "Les ateliers du centre social m'ont beaucoup aidée pour la CAF.",
            "Il faudrait plus de créneaux le samedi.",
            "Mon téléphone est trop vieux pour certaines applications.",
            "Je n'arrive jamais à retrouver mes mots de passe.",
            "Merci pour cette enquête.",
            "J'aimerais apprendre à faire un CV sur ordinateur.",
            "Pronote c'est compliqué, mes enfants m'aident.",
            "Internet coûte cher, j'utilise le wifi de la médiathèque.",
        ];
        QuestionOption Pick(Question q, params int[] weights)
        {
            var roll = random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                if (roll < weights[i]) return q.Options[i];
                roll -= weights[i];
            }
            return q.Options[^1];
        }
        for (var n = 0; n < ResponseCount; n++)
        {
            var r = new Response
            {
                SurveyId = survey.Id,
                CreatedAt = Hour(now.AddHours(-random.Next(1, 24 * 70))),
                IdempotencyKey = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()),
                IsAssisted = random.Next(5) == 0,
            };
            r.ConsentRecorded = r.IsAssisted;
            void Choose(Question q, QuestionOption o) => r.Answers.Add(new Answer { QuestionId = q.Id, OptionId = o.Id });

            var a = Pick(age, 6, 22, 38, 24, 10);
            var ageIndex = age.Options.IndexOf(a);
            var s = ageIndex switch
            {
                0 => Opt(situation, "En formation ou en études"),
                4 => Pick(situation, 2, 4, 0, 80, 10, 4),
                _ => Pick(situation, 34, 36, 8, 2, 14, 6),
            };
            Choose(situation, s);
            Choose(age, a);
            if (quartiers.Count > 0 && random.Next(10) > 0)
                r.Answers.Add(new Answer { QuestionId = quartier.Id, TerritoryId = quartiers[random.Next(quartiers.Count)] });
            var hasChildren = ageIndex is 2 or 3 && random.Next(100) < 55;
            Choose(children, Opt(children, hasChildren ? "Oui" : "Non"));

            Choose(devices, devices.Options[0]);
            if (random.Next(100) < (ageIndex == 4 ? 35 : 50)) Choose(devices, devices.Options[1]);
            if (random.Next(100) < 20) Choose(devices, devices.Options[2]);
            if (random.Next(100) < 4) { r.Answers.RemoveAll(x => x.QuestionId == devices.Id); Choose(devices, devices.Options[3]); }
            Choose(internet, Pick(internet, 55, 35, 10));
            var easeLevel = Math.Clamp((ageIndex == 4 ? 1 : ageIndex <= 1 ? 3 : 2) + random.Next(-1, 3), 0, 4);
            Choose(ease, ease.Options[easeLevel]);
            if (toolIds.Count > 0)
                foreach (var id in toolIds.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
                    r.Answers.Add(new Answer { QuestionId = tools.Id, ToolId = id });

            if (s.Label == "À la recherche d'un emploi")
            {
                foreach (var o in jobUses.Options.Take(4).Where(_ => random.Next(100) < 60)) Choose(jobUses, o);
                if (random.Next(100) < 5) r.Answers.Add(new Answer { QuestionId = jobUses.Id, Text = "Je passe par une agence d'intérim" });
                if (!r.Answers.Any(x => x.QuestionId == jobUses.Id)) Choose(jobUses, jobUses.Options[4]);
                if (random.Next(100) < 75) r.Answers.Add(new Answer { QuestionId = applications.Id, Number = random.Next(0, 25) });
            }
            if (hasChildren) Choose(schoolUse, Pick(schoolUse, 40, 30, 20, 10));
            foreach (var o in procedures.Options.Take(5).Where(_ => random.Next(100) < 45)) Choose(procedures, o);
            if (!r.Answers.Any(x => x.QuestionId == procedures.Id)) Choose(procedures, procedures.Options[5]);
            foreach (var o in difficulties.Options.Where(_ => random.Next(100) < (easeLevel <= 1 ? 45 : 15))) Choose(difficulties, o);
            Choose(wish, Pick(wish, easeLevel <= 1 ? 45 : 20, easeLevel <= 1 ? 35 : 15, easeLevel <= 1 ? 20 : 65));
            if (random.Next(100) < 12) r.Answers.Add(new Answer { QuestionId = comment.Id, Text = comments[random.Next(comments.Length)] });
            db.Responses.Add(r);
        }
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Hour(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc);
}
