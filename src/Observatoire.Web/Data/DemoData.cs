using Microsoft.AspNetCore.Identity;

namespace Observatoire.Web.Data;

/// <summary>A realistic French dataset of the Tours area, loaded on an empty database by scripts/run.sh.</summary>
/// <remarks>
/// Deterministic for a given day: one random source seeded with a constant and consumed in a fixed order;
/// only "today" (DateTime.UtcNow) moves, so the two years of observations always end now.
/// </remarks>
public partial class DemoData(ObservatoireDbContext db, UserManager<AppUser> users)
{
    /// <summary>Password of every demo account; printed by scripts/run.sh.</summary>
    public const string Password = "Observatoire-2026";

    public static readonly (string Email, string Name, string Role)[] Accounts =
    [
        ("admin@observatoire.test", "Camille Administratrice", Roles.Administrateur),
        ("coordination@observatoire.test", "Nadia Coordination", Roles.Coordination),
        ("contributeur@observatoire.test", "Karim Contributeur", Roles.Contributeur),
        ("partenaire@observatoire.test", "Sophie Partenaire", Roles.Partenaire),
    ];

    private const int ObservationBatch = 120;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var random = new Random(2026);
        var now = DateTime.UtcNow;

        // The reference lists are the starter set's, the same a real instance loads from /admin/listes.
        await StarterSet.LoadAsync(db, ct);
        var territories = await db.Territories.ToDictionaryAsync(t => t.Slug, ct);
        foreach (var (slug, story) in PlaceStories)
            if (territories.TryGetValue(slug, out var place)) place.Description = story;
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, ct);
        var audiences = await db.Audiences.ToDictionaryAsync(a => a.Slug, ct);
        var categories = await db.ToolCategories.ToDictionaryAsync(c => c.Slug, ct);
        var licences = await db.Licences.ToDictionaryAsync(l => l.Slug, ct);
        var kinds = await db.StructureKinds.ToDictionaryAsync(k => k.Slug, ct);
        var tools = ToolSeeds
            .Select(t => new DigitalTool
            {
                Name = t.Name, Slug = t.Slug, Category = categories[t.Category], Licence = licences[t.Licence],
                Status = t.Status, Description = t.Description,
            })
            .ToDictionary(t => t.Slug);
        var structures = StructureSeeds.ToDictionary(s => s.Slug, s => new Structure
        {
            Name = s.Name, Slug = s.Slug, Kind = kinds[s.Kind], Territory = territories[s.Territory],
            Description = s.Description, Website = $"https://www.{s.Domain}", Email = $"contact@{s.Domain}",
        });
        var actors = ActorSeeds.ToDictionary(a => a.Name, a =>
        {
            var slug = Slug.From(a.Name);
            var domain = StructureSeeds.Single(s => s.Slug == a.Memberships[0].Structure).Domain;
            var actor = new Actor
            {
                FullName = a.Name, Slug = slug, Category = a.Category, JobTitle = a.JobTitle, Bio = a.Bio,
                Email = $"{slug.Replace('-', '.')}@{domain}",
            };
            foreach (var (structure, role) in a.Memberships)
                actor.Memberships.Add(new StructureMembership { Structure = structures[structure], Role = role });
            return actor;
        });

        if (!await db.ObservatorySettings.AnyAsync(ct)) db.ObservatorySettings.Add(Identity(now));
        db.AddRange(tools.Values);
        db.AddRange(structures.Values);
        db.AddRange(actors.Values);
        await db.SaveChangesAsync(ct);

        var accounts = await CreateAccountsAsync(actors, structures, now);

        // Field workers log under their own account; Résoudre's team shares the demo contributor's.
        var authorByActor = new Dictionary<Actor, AppUser>
        {
            [actors[AccountLinks[Roles.Contributeur].Actor]] = accounts[Roles.Contributeur],
            [actors[AccountLinks[Roles.Coordination].Actor]] = accounts[Roles.Coordination],
        };
        var composer = new ObservationComposer(random, now, territories, themes, audiences, tools, structures, actors.Values.ToList());
        var observations = StructureSeeds
            .SelectMany(seed => Enumerable.Range(0, seed.Observations).Select(_ => composer.Compose(seed)))
            .ToList()
            .OrderBy(o => o.ObservedOn).ThenBy(o => o.CreatedAt)
            .ToList();
        foreach (var o in observations)
            o.CreatedById = o.Structure.Slug == Resoudre ? accounts[Roles.Contributeur].Id
                : o.Observer is not null && authorByActor.TryGetValue(o.Observer, out var author) ? author.Id
                : null;

        foreach (var batch in observations.Chunk(ObservationBatch))
        {
            db.Observations.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }

        await DemoWiki.LoadAsync(db, accounts[Roles.Coordination], ct);
        await DemoSurveys.LoadAsync(db, ct);
        await DemoGroups.LoadAsync(db, ct);
    }

    /// <summary>The demo observatory's name and words, as the portal printed them before they became settings.</summary>
    public static ObservatorySettings Identity(DateTime now)
    {
        var identity = SettingsTemplates.Defaults();
        identity.Name = "Observatoire partagé des usages numériques";
        identity.ShortName = "Observatoire";
        identity.Territory = "Tours et Joué-lès-Tours";
        identity.Description = "Observatoire partagé des usages collaboratifs et des outils numériques au service de l'emploi, de l'éducation et de la citoyenneté.\n"
            + "Un réseau d'associations, de centres sociaux, d'institutions et d'habitants de Tours et Joué-lès-Tours.";
        identity.ContactEmail = "contact@observatoire.test";
        identity.Introduction = """
            Après l'accompagnement collectif « Participer, coopérer, valoriser — Maîtrise de l'outil numérique » impulsé par le DLA, des associations se sont emparées d'outils et inventent de nouveaux usages. L'association Résoudre a conçu une Agora numérique sur la Rabière et un espace partenaires ; le centre social du Sanitas, le BIJ et le centre social du Morier veulent à leur tour outiller leurs réseaux.

            Nous sommes dans une phase d'émergence : avant de réunir les forces, il faut observer ce qui se fait et se construit. Non pas une étude d'experts, mais une **observation partagée**, construite avec ceux qui vivent ces usages.
            """;
        identity.UpdatedAt = now;
        return identity;
    }

    /// <summary>The four demo accounts, each linked to the person and structures it stands for.</summary>
    private async Task<Dictionary<string, AppUser>> CreateAccountsAsync(
        Dictionary<string, Actor> actors, Dictionary<string, Structure> structures, DateTime now)
    {
        var byRole = new Dictionary<string, AppUser>();
        foreach (var (email, name, role) in Accounts)
        {
            AccountLinks.TryGetValue(role, out var link);
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now,
                    ActorId = link.Actor is null ? null : actors[link.Actor].Id,
                };
                user.Structures.AddRange((link.Structures ?? []).Select(s => structures[s]));
                Ensure(await users.CreateAsync(user, Password), email);
            }
            if (!await users.IsInRoleAsync(user, role))
                Ensure(await users.AddToRoleAsync(user, role), email);
            byRole[role] = user;
        }
        return byRole;
    }

    private static void Ensure(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Compte de démonstration {email} non créé : {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>Builds observations from the templates; every choice comes from the one seeded random source.</summary>
    private sealed class ObservationComposer(
        Random random,
        DateTime now,
        Dictionary<string, Territory> territories,
        Dictionary<string, Theme> themes,
        Dictionary<string, Audience> audiences,
        Dictionary<string, DigitalTool> tools,
        Dictionary<string, Structure> structures,
        List<Actor> actors)
    {
        private readonly DateOnly today = DateOnly.FromDateTime(now);
        private readonly Dictionary<(string, Template), int> uses = [];

        public Observation Compose(StructureSeed seed)
        {
            var structure = structures[seed.Slug];
            var template = PickTemplate(seed);
            var observedOn = PickDate();
            var territory = PickTerritory(territories[seed.Territory]);
            var chosenAudiences = PickAudiences(seed, template);
            var observer = PickObserver(structure);
            var (status, createdAt, validatedAt) = PickLifecycle(observedOn);
            var difficulties = PickDifficulties();
            var reviewComment = status == ObservationStatus.Draft && random.NextDouble() < 0.4
                ? ReviewComments[random.Next(ReviewComments.Length)] : null;

            return new Observation
            {
                Title = template.Titles[random.Next(template.Titles.Length)],
                ObservedOn = observedOn,
                Structure = structure,
                Territory = territory,
                Tools = PickTools(template),
                Themes = template.AlsoTheme is not null && random.NextDouble() < 0.5
                    ? [themes[template.Theme], themes[template.AlsoTheme]]
                    : [themes[template.Theme]],
                Audiences = chosenAudiences.Select(a => audiences[a]).ToList(),
                ParticipantsCount = random.Next(template.MinParticipants, template.MaxParticipants + 1),
                AppropriationLevel = PickLevel(chosenAudiences),
                Description = Describe(template, structure, territory),
                WhatWorked = PickWorked(template.Theme),
                Difficulties = difficulties,
                Observer = observer,
                Status = status,
                ReviewComment = reviewComment,
                CreatedAt = createdAt,
                UpdatedAt = validatedAt ?? createdAt,
                ValidatedAt = validatedAt,
            };
        }

        private Template PickTemplate(StructureSeed seed)
        {
            var byTheme = new List<(int Weight, Template[] Templates)>();
            foreach (var (theme, weight) in new[] { (Emploi, seed.Themes.Emploi), (Education, seed.Themes.Education), (Citoyennete, seed.Themes.Citoyennete) })
            {
                var fitting = Templates.Where(t => t.Theme == theme && Fits(seed, t)).ToArray();
                if (weight > 0 && fitting.Length > 0) byTheme.Add((weight, fitting));
            }
            if (byTheme.Count == 0)
                throw new InvalidOperationException($"Aucun modèle d'observation ne convient à {seed.Slug}.");

            var roll = random.Next(byTheme.Sum(t => t.Weight));
            var candidates = byTheme.First(t => (roll -= t.Weight) < 0).Templates;
            // A structure's own activities (Résoudre's Agora, say) are what it logs most.
            var own = candidates.Where(t => t.Only is not null).ToArray();
            if (own.Length > 0 && random.NextDouble() < 0.45) candidates = own;
            // Of two random candidates, the one this structure used less: varied logs without a fixed rotation.
            var a = candidates[random.Next(candidates.Length)];
            var b = candidates[random.Next(candidates.Length)];
            var chosen = Uses(seed, b) < Uses(seed, a) ? b : a;
            uses[(seed.Slug, chosen)] = Uses(seed, chosen) + 1;
            return chosen;
        }

        private int Uses(StructureSeed seed, Template t) => uses.GetValueOrDefault((seed.Slug, t));

        private static bool Fits(StructureSeed seed, Template t) =>
            t.Only is not null
                ? t.Only.Contains(seed.Slug)
                : (!seed.Institutional || t.Network) && t.Audiences.Intersect(seed.Audiences).Any();

        /// <summary>A working day of the last two years, quieter in August.</summary>
        private DateOnly PickDate()
        {
            var date = today.AddDays(-random.Next(0, 731));
            if (date.Month == 8 && random.NextDouble() < 0.5 && date.AddDays(31) <= today) date = date.AddDays(31);
            // Weekend activities move back to a random weekday of the same week; a few Saturday ones stay.
            if (date.DayOfWeek == DayOfWeek.Sunday || date.DayOfWeek == DayOfWeek.Saturday && random.NextDouble() < 0.7)
                date = date.AddDays(-(random.Next(1, 6) + (date.DayOfWeek == DayOfWeek.Sunday ? 1 : 0)));
            return date;
        }

        /// <summary>Mostly the structure's own quartier; sometimes another quartier of the same commune.</summary>
        private Territory PickTerritory(Territory home)
        {
            var commune = home.Parent ?? home;
            if (home.Kind == TerritoryKind.Neighbourhood && random.NextDouble() < 0.8) return home;
            var quartiers = territories.Values.Where(t => t.Parent == commune && t != home).ToArray();
            return quartiers[random.Next(quartiers.Length)];
        }

        private List<DigitalTool> PickTools(Template template)
        {
            var chosen = new List<DigitalTool> { tools[template.Tools[0]] };
            foreach (var slug in template.Tools.Skip(1))
                if (chosen.Count < 3 && random.NextDouble() < 0.45) chosen.Add(tools[slug]);
            return chosen;
        }

        /// <summary>One of the structure's own publics first, then up to two others the activity addresses.</summary>
        private List<string> PickAudiences(StructureSeed seed, Template template)
        {
            var own = template.Audiences.Intersect(seed.Audiences).ToArray();
            var first = own.Length > 0 ? own[random.Next(own.Length)] : template.Audiences[random.Next(template.Audiences.Length)];
            var chosen = new List<string> { first };
            var others = template.Audiences.Where(a => a != first).ToList();
            var extra = random.NextDouble() switch { < 0.5 => 0, < 0.85 => 1, _ => 2 };
            for (var i = 0; i < extra && others.Count > 0; i++)
            {
                var pick = others[random.Next(others.Count)];
                others.Remove(pick);
                chosen.Add(pick);
            }
            return chosen;
        }

        /// <summary>Staff observe far more often than the residents who volunteer in a structure.</summary>
        private Actor PickObserver(Structure structure)
        {
            var members = actors.Where(a => a.Memberships.Any(m => m.Structure == structure))
                .Select(a => (Actor: a, Weight: a.Category == ActorCategory.Resident ? 1 : 3))
                .ToArray();
            var roll = random.Next(members.Sum(m => m.Weight));
            return members.First(m => (roll -= m.Weight) < 0).Actor;
        }

        /// <summary>Seniors and allophones start further from autonomy; association staff and volunteers closer.</summary>
        private AppropriationLevel PickLevel(List<string> chosenAudiences)
        {
            var roll = random.Next(100);
            var level = roll switch { < 30 => 1, < 65 => 2, < 90 => 3, _ => 4 };
            if (chosenAudiences.Any(a => a is S or A) && random.NextDouble() < 0.5) level--;
            if (chosenAudiences.Any(a => a is SA or B) && random.NextDouble() < 0.5) level++;
            return (AppropriationLevel)Math.Clamp(level, 1, 4);
        }

        /// <summary>
        /// About 85 % validated, 10 % submitted, 5 % drafts; recent observations are the ones still in review.
        /// </summary>
        private (ObservationStatus, DateTime CreatedAt, DateTime? ValidatedAt) PickLifecycle(DateOnly observedOn)
        {
            var age = today.DayNumber - observedOn.DayNumber;
            var roll = random.NextDouble();
            var status = age < 60
                ? roll switch { < 0.15 => ObservationStatus.Draft, < 0.40 => ObservationStatus.Submitted, _ => ObservationStatus.Validated }
                : roll switch { < 0.04 => ObservationStatus.Draft, < 0.125 => ObservationStatus.Submitted, _ => ObservationStatus.Validated };
            if (age < 5 && status == ObservationStatus.Validated) status = ObservationStatus.Submitted;

            var created = observedOn.ToDateTime(new TimeOnly(random.Next(8, 18), random.Next(60)), DateTimeKind.Utc)
                .AddDays(random.Next(0, 4));
            if (created > now) created = now;
            if (status != ObservationStatus.Validated) return (status, created, null);

            var validated = created.AddDays(random.Next(1, 11)).AddHours(random.Next(1, 8));
            return (status, created, validated > now ? now : validated);
        }

        private string Describe(Template template, Structure structure, Territory territory)
        {
            var where = territory == structure.Territory ? ""
                : territory.Name == "Centre" ? $" Séance tenue dans le centre-ville de {territory.Parent!.Name}."
                : $" Séance tenue dans le quartier {territory.Name} ({territory.Parent!.Name}).";

            var count = random.Next(2, Math.Min(4, template.Steps.Length) + 1);
            var steps = Enumerable.Range(0, template.Steps.Length).OrderBy(_ => random.Next()).Take(count).Order()
                .Select(i => "- " + char.ToUpperInvariant(template.Steps[i][0]) + template.Steps[i][1..]);

            var context = Distinct(Contexts, random.NextDouble() < 0.5 ? 1 : 2);
            if (random.NextDouble() < 0.25)
                context.Add($"C'était la {random.Next(2, 7)}e séance d'un cycle de six.");

            return $"{template.Activity}{where}\n\nCe qui a été fait :\n\n{string.Join("\n", steps)}\n\n{string.Join(" ", context)}";
        }

        private string PickWorked(string theme)
        {
            var pool = Worked.Concat(WorkedByTheme[theme]).ToArray();
            return string.Join(" ", Distinct(pool, random.NextDouble() < 0.6 ? 1 : 2));
        }

        private string? PickDifficulties()
        {
            var roll = random.NextDouble();
            if (roll < 0.08) return null;
            return string.Join(" ", Distinct(DifficultyFragments, roll switch { < 0.6 => 1, < 0.9 => 2, _ => 3 }));
        }

        private List<string> Distinct(string[] pool, int count) =>
            Enumerable.Range(0, pool.Length).OrderBy(_ => random.Next()).Take(count).Select(i => pool[i]).ToList();
    }
}
