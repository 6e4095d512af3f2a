using Observatoire.IntegrationTests.Wiki;

namespace Observatoire.IntegrationTests.Annuaire;

/// <summary>
/// For each mergeable type, a duplicate and a kept record, the duplicate linked from every table that can point at it
/// and the kept record sharing some of those links (so a merge has links to move and links already there).
/// </summary>
public sealed record LinkedWorld(Dictionary<Type, (int Duplicate, int Kept)> Pairs)
{
    public static async Task<LinkedWorld> SeedAsync(PortalFixture portal)
    {
        var ids = await portal.Seed(s =>
        {
            var tours = s.Territory("Tours");
            var toursTwice = s.Territory("Tours (saisie en double)");
            var sanitas = s.Quartier("Sanitas", tours);
            var rabiere = s.Quartier("Rabière", toursTwice);
            var kept = s.Structure("Centre social Pluriel", sanitas);
            var twice = s.Structure("Centre Pluriel", toursTwice);
            var framapad = s.Tool("Framapad", "Travail collaboratif", "Libre");
            var etherpad = s.Tool("Etherpad", "Travail à plusieurs", "Logiciel libre");
            // Two writings of a kind, a category and a licence: the duplicate records carry the duplicate values.
            twice.Kind = s.Kind("Centre socio-culturel");
            var emploi = s.Theme("Emploi");
            var emploiTwice = s.Theme("Emplois");
            var jeunes = s.Audience("Jeunes");
            var jeunesTwice = s.Audience("Jeunes 16-25 ans");
            // Observations: one with both writings of everything, one with the duplicates only, one with the kept ones.
            s.Observation("Les deux écritures", twice, toursTwice, tools: [framapad, etherpad], themes: [emploi, emploiTwice],
                audiences: [jeunes, jeunesTwice]);
            s.Observation("Le doublon seul", twice, rabiere, tools: [etherpad], themes: [emploiTwice], audiences: [jeunesTwice]);
            s.Observation("La fiche gardée", kept, sanitas, tools: [framapad], themes: [emploi], audiences: [jeunes]);
            var ev = s.Event("Atelier pads");
            ev.Structure = twice;
            ev.Territory = toursTwice;
            ev.Tools.AddRange([framapad, etherpad]);
            ev.Themes.AddRange([emploi, emploiTwice]);
            s.Add(new WatchItem
            {
                Url = "https://example.org/pads", Title = "Comparatif des pads", Status = WatchStatus.Published,
                Territory = toursTwice, Tools = [etherpad], Themes = [emploiTwice], CreatedAt = DateTime.UtcNow,
            });
            var lea = s.Actor("Léa Martin");
            var paul = s.Actor("Paul Durand");
            s.Add(new StructureMembership { Actor = lea, Structure = kept, Role = "Animatrice" });
            s.Add(new StructureMembership { Actor = lea, Structure = twice, Role = "Bénévole" });
            s.Add(new StructureMembership { Actor = paul, Structure = twice, Role = "Directeur" });
            foreach (var (name, structures) in new[] { ("Compte des deux", new[] { kept, twice }), ("Compte du doublon", new[] { twice }) })
            {
                var email = $"{Guid.NewGuid():N}@test.fr";
                s.Add(new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = name, CreatedAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString(), Structures = [.. structures],
                });
            }
            // A survey with a territory and a tools question: one respondent named both writings, one the duplicate only.
            var survey = new Survey { Title = "Usages des pads", Slug = $"pads-{Guid.NewGuid():N}"[..12], Status = SurveyStatus.Open,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            var section = new SurveySection { Survey = survey, Order = 0, Title = "Vous" };
            var where = new Question { Survey = survey, Section = section, Order = 0, Type = QuestionType.Territory, Text = "Votre commune" };
            var which = new Question { Survey = survey, Section = section, Order = 1, Type = QuestionType.Tools, Text = "Vos outils" };
            survey.Sections.Add(section);
            survey.Questions.AddRange([where, which]);
            s.Add(survey);
            Response Respond(params Answer[] answers) => s.Add(new Response
            {
                Survey = survey, CreatedAt = DateTime.UtcNow.AddDays(-2), IdempotencyKey = Guid.NewGuid(), Answers = [.. answers],
            });
            Respond(new Answer { Question = where, Territory = tours }, new Answer { Question = where, Territory = toursTwice },
                new Answer { Question = which, Tool = framapad }, new Answer { Question = which, Tool = etherpad });
            Respond(new Answer { Question = where, Territory = toursTwice }, new Answer { Question = which, Tool = etherpad });
            return (tours, toursTwice, kept, twice, framapad, etherpad, emploi, emploiTwice, jeunes, jeunesTwice);
        });
        var (tours, toursTwice, kept, twice, framapad, etherpad, emploi, emploiTwice, jeunes, jeunesTwice) = ids;
        // An experience report naming both writings of everything.
        var pageId = await portal.Page("Retour : des pads pour l'emploi", "Nous avons comparé les pads.", type: WikiPageType.ExperienceReport);
        await portal.Db(async db =>
        {
            var page = await db.WikiPages.Include(p => p.Structures).Include(p => p.Tools).Include(p => p.Territories).Include(p => p.Themes)
                .SingleAsync(p => p.Id == pageId);
            page.Structures.AddRange(await db.Structures.Where(x => x.Id == kept.Id || x.Id == twice.Id).ToListAsync());
            page.Tools.AddRange(await db.DigitalTools.Where(x => x.Id == framapad.Id || x.Id == etherpad.Id).ToListAsync());
            page.Territories.AddRange(await db.Territories.Where(x => x.Id == tours.Id || x.Id == toursTwice.Id).ToListAsync());
            page.Themes.AddRange(await db.Themes.Where(x => x.Id == emploi.Id || x.Id == emploiTwice.Id).ToListAsync());
            await db.SaveChangesAsync();
        });
        return new LinkedWorld(new Dictionary<Type, (int, int)>
        {
            [typeof(Territory)] = (toursTwice.Id, tours.Id),
            [typeof(Structure)] = (twice.Id, kept.Id),
            [typeof(DigitalTool)] = (etherpad.Id, framapad.Id),
            [typeof(Theme)] = (emploiTwice.Id, emploi.Id),
            [typeof(Audience)] = (jeunesTwice.Id, jeunes.Id),
            [typeof(ToolCategory)] = (etherpad.CategoryId!.Value, framapad.CategoryId!.Value),
            [typeof(Licence)] = (etherpad.LicenceId!.Value, framapad.LicenceId!.Value),
            [typeof(StructureKind)] = (twice.KindId!.Value, kept.KindId!.Value),
        });
    }
}
