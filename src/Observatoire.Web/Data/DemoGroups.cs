using Observatoire.Web.Pages.Wiki;

namespace Observatoire.Web.Data;

/// <summary>
/// Demo content of the groups, events and watch: the working group "Observatoire — groupe méthode" with its
/// members, a calendar around today (past meetings with minutes, coming ones with registrations) and watch items.
/// Runs after <see cref="DemoData"/>, whose directory, accounts and observations it links to. No feed source:
/// nothing is fetched from outside until Coordination adds one.
/// </summary>
public static class DemoGroups
{
    public const string GroupSlug = "observatoire-groupe-methode";

    public static async Task LoadAsync(ObservatoireDbContext db, CancellationToken ct)
    {
        if (await db.WorkingGroups.AnyAsync(g => g.Slug == GroupSlug, ct)) return;
        var now = DateTime.UtcNow;
        var today = ParisTime.Today(now);
        var users = await db.Users.Where(u => u.Email!.EndsWith("@observatoire.test")).ToDictionaryAsync(u => u.Email!, ct);
        var coordination = users.GetValueOrDefault("coordination@observatoire.test");
        var contributor = users.GetValueOrDefault("contributeur@observatoire.test");
        var partner = users.GetValueOrDefault("partenaire@observatoire.test");
        var actors = await db.Actors.ToDictionaryAsync(a => a.FullName, ct);
        var tools = await db.DigitalTools.ToDictionaryAsync(t => t.Slug, ct);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, ct);
        var territories = await db.Territories.ToDictionaryAsync(t => t.Slug, ct);
        var structures = await db.Structures.ToDictionaryAsync(s => s.Slug, ct);
        T? Get<T>(Dictionary<string, T> d, string key) where T : class => d.GetValueOrDefault(key);
        List<T> Some<T>(Dictionary<string, T> d, params string[] keys) where T : class => keys.Select(k => d.GetValueOrDefault(k)).OfType<T>().ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The group and its own wiki page.
        var group = new WorkingGroup
        {
            Name = "Observatoire — groupe méthode", Slug = GroupSlug, CreatedAt = now.AddDays(-120),
            Purpose = "Le groupe qui fait vivre l'observatoire : il choisit ce que l'on observe et comment, relit les observations, "
                + "prépare les enquêtes auprès des habitants et tire les enseignements des rencontres pour les outils concernés.",
        };
        var groupPage = new WikiPage { Title = "Groupe — Observatoire — groupe méthode", Slug = "groupe-observatoire-groupe-methode", Visibility = WikiVisibility.Public };
        await WikiStore.SaveRevisionAsync(db, groupPage, groupPage.Title, """
            Le groupe méthode réunit des animateurs numériques, des centres sociaux, le Bureau Information Jeunesse, des institutions et des habitants relais.

            ## Ce que nous faisons

            - choisir les usages à observer et la manière de les décrire ;
            - relire les observations et les retours d'expérience ;
            - préparer les enquêtes auprès des habitants ;
            - partager une veille des pratiques repérées ailleurs.

            ## Rythme

            Une rencontre par mois, en alternance au centre social du Sanitas et au centre social du Morier, et une visioconférence entre deux.

            ## Ressources

            - [[Comment décrire une observation]]
            - Le calendrier du groupe s'importe dans tout agenda depuis la page du groupe.
            """, "Page du groupe", coordination?.Id, now.AddDays(-120), ct);
        group.WikiPage = groupPage;
        db.WorkingGroups.Add(group);

        void Member(AppUser? user, Actor? actor, GroupRole role, int daysAgo, MembershipStatus status = MembershipStatus.Approved)
        {
            if (user is null && actor is null) return;
            db.GroupMemberships.Add(new GroupMembership
            {
                Group = group, UserId = user?.Id, ActorId = user is null ? actor!.Id : null, Role = role, Status = status,
                RequestedAt = now.AddDays(-daysAgo), ApprovedAt = status == MembershipStatus.Approved ? now.AddDays(-daysAgo + 1) : null,
            });
        }
        Member(coordination, null, GroupRole.Facilitator, 120);
        Member(contributor, null, GroupRole.Member, 110);
        foreach (var (name, days) in new[] { ("Élodie Garnier", 118), ("Bernard Lefèvre", 100), ("Aïcha Diallo", 95), ("Manon Petit", 90),
                     ("Samia Bouaziz", 80), ("Hélène Marchand", 60), ("Claire Dubois", 45) })
            Member(null, Get(actors, name), GroupRole.Member, days);
        Member(partner, null, GroupRole.Member, 2, MembershipStatus.Requested);
        await db.SaveChangesAsync(ct);

        // The calendar: past meetings with minutes, coming ones with registrations.
        Event Meeting(string title, int inDays, int startHour, int endHour, string? place, string? online, int? capacity, bool open,
            string description, string structure, string territory, string[] toolSlugs, string[] themeSlugs)
        {
            var day = today.AddDays(inDays);
            var e = new Event
            {
                Group = group, Title = title, Slug = Slug.From($"{title} {day:yyyy-MM-dd}", 140),
                StartsAt = ParisTime.ToUtc(day, new TimeOnly(startHour, 0))!.Value, EndsAt = ParisTime.ToUtc(day, new TimeOnly(endHour, 30))!.Value,
                Place = place, OnlineUrl = online, Capacity = capacity, OpenToPublic = open, Description = description,
                DescriptionHtml = Markdown.Render(description).Html, DescriptionText = Markdown.Render(description).PlainText,
                Structure = Get(structures, structure), Territory = Get(territories, territory),
                Tools = Some(tools, toolSlugs), Themes = Some(themes, themeSlugs),
                CreatedById = coordination?.Id, CreatedAt = now.AddDays(Math.Min(inDays, 0) - 20), UpdatedAt = now.AddDays(Math.Min(inDays, 0) - 20),
            };
            db.Events.Add(e);
            return e;
        }
        var sanitas = "Centre social du Sanitas, 10 place Neuve, Tours";
        var morier = "Centre social du Morier, 8 rue de la Rotière, Joué-lès-Tours";
        var past = new[]
        {
            (Meeting("Rencontre du groupe méthode : la grille d'observation", -68, 14, 16, sanitas, null, 15, false,
                "Relecture de la grille d'observation : quels champs garder, comment décrire le niveau d'appropriation.", "centre-social-du-sanitas", "sanitas",
                ["agora-project", "framapad"], ["citoyennete"]),
             "Nous gardons les quatre niveaux d'appropriation. Framapad a bien servi pour écrire la grille à plusieurs ; Agora-Project reste l'espace partenaires."),
            (Meeting("Rencontre du groupe méthode : visioconférences et habitants", -40, 10, 12, null, "https://meet.jit.si/observatoire-groupe-methode", null, false,
                "Retour sur les ateliers en visioconférence avec des habitants peu à l'aise avec le numérique.", "centre-social-du-morier", "morier",
                ["jitsi-meet", "zoom"], ["citoyennete", "education"]),
             "Jitsi Meet fonctionne sans compte, ce qui aide beaucoup les habitants ; prévoir un essai du micro avant chaque atelier. Zoom reste demandé par certains partenaires institutionnels."),
            (Meeting("Rencontre du groupe méthode : enquête emploi", -12, 14, 16, morier, null, 15, false,
                "Préparation de l'enquête auprès des demandeurs d'emploi accompagnés dans les quartiers.", "centre-social-du-morier", "morier",
                ["france-travail", "1jeune1solution"], ["emploi"]),
             "L'espace France Travail demande un accompagnement long au début ; 1jeune1solution est plus simple pour les jeunes. Questions de l'enquête validées."),
        };
        var future = new[]
        {
            Meeting("Rencontre du groupe méthode : premiers résultats", 9, 14, 16, sanitas, null, 12, false,
                "Lecture des premiers résultats du tableau de bord et choix des observations à approfondir.", "centre-social-du-sanitas", "sanitas",
                ["nextcloud", "agora-project"], ["citoyennete"]),
            Meeting("Atelier ouvert : cartographier les lieux d'accompagnement numérique", 23, 18, 20, morier, null, 20, true,
                "Un atelier ouvert à tous : nous repérons ensemble, sur une carte **uMap**, les lieux où l'on peut se faire aider pour ses démarches en ligne.\n\nVenez avec vos adresses !",
                "centre-social-du-morier", "joue-les-tours", ["umap", "openstreetmap"], ["citoyennete"]),
            Meeting("Visio du groupe méthode : outils libres pour les associations", 40, 12, 13, null, "https://meet.jit.si/observatoire-groupe-methode", null, false,
                "Tour de table en visioconférence sur les outils libres adoptés par les associations du réseau.", "association-resoudre", "rabiere",
                ["nextcloud", "yeswiki", "jitsi-meet"], ["citoyennete"]),
        };
        await db.SaveChangesAsync(ct);

        foreach (var (meeting, learned) in past)
        {
            var title = $"Compte rendu — {meeting.Title}";
            var page = new WikiPage
            {
                Title = title, Slug = Slug.From(title, 140), Visibility = WikiVisibility.Members, Categories = ["Comptes rendus"],
                Tools = [.. meeting.Tools], Themes = [.. meeting.Themes], Territories = meeting.Territory is null ? [] : [meeting.Territory],
                Structures = meeting.Structure is null ? [] : [meeting.Structure],
            };
            await WikiStore.SaveRevisionAsync(db, page, title, $"""
                Rencontre du {ParisTime.Range(meeting.StartsAt, meeting.EndsAt)}{(meeting.Place is null ? ", en visioconférence" : ", " + meeting.Place)}.

                ## Présents

                Une dizaine de membres du groupe : animateurs numériques, centres sociaux, Bureau Information Jeunesse, habitants relais.

                ## Ce que nous avons appris sur les outils

                {learned}

                ## Prochaines étapes

                Chacun complète ses observations d'ici la prochaine rencontre.
                """, "Compte rendu de la rencontre", coordination?.Id, meeting.EndsAt.AddDays(2), ct);
            meeting.MinutesPage = page;
        }

        // Registrations: members of the group for the meetings, neighbours with an e-mail for the open workshop.
        var registrants = new List<string?> { coordination?.Id, contributor?.Id };
        var order = 0;
        foreach (var meeting in past.Select(p => p.Item1).Concat([future[0], future[2]]))
            foreach (var userId in registrants.OfType<string>())
                db.EventRegistrations.Add(new EventRegistration
                {
                    Event = meeting, UserId = userId, Status = RegistrationStatus.Confirmed,
                    CreatedAt = meeting.CreatedAt.AddHours(++order), UpdatedAt = meeting.CreatedAt.AddHours(order),
                });
        var neighbours = new[] { "Fatou Sylla", "Gérard Lambert", "Lucie Ferrand", "Mehdi Haddad", "Odile Renard", "Thomas Nguyen", "Inès Bernard" };
        foreach (var (name, i) in neighbours.Select((n, i) => (n, i)))
            db.EventRegistrations.Add(new EventRegistration
            {
                Event = future[1], Name = name, Email = Slug.From(name).Replace('-', '.') + "@exemple.fr", Status = RegistrationStatus.Confirmed,
                CreatedAt = now.AddDays(-6 + i * 0.5), UpdatedAt = now.AddDays(-6 + i * 0.5),
                CancelToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            });
        await db.SaveChangesAsync(ct);

        // The watch: links members shared over the last weeks.
        var items = new (string Url, string Title, string Note, int DaysAgo, AppUser? By, string[] Themes, string[] Tools, string? Territory)[]
        {
            ("https://lesbonsclics.fr", "Les Bons Clics : des ressources pour accompagner au numérique",
             "Fiches pratiques et parcours d'apprentissage gratuits pour les aidants et les bénévoles. Utile pour former les nouveaux animateurs.",
             3, coordination, ["citoyennete", "education"], [], null),
            ("https://pix.fr", "Pix : évaluer et certifier ses compétences numériques",
             "Plusieurs structures l'utilisent pour situer les personnes en début d'accompagnement, puis valoriser leurs progrès.",
             5, contributor, ["education", "emploi"], ["pix"], null),
            ("https://umap.openstreetmap.fr", "uMap : faire une carte collaborative en quelques minutes",
             "Pour l'atelier ouvert : une carte des lieux d'accompagnement numérique que chacun peut compléter.",
             9, coordination, ["citoyennete"], ["umap", "openstreetmap"], "joue-les-tours"),
            ("https://framasoft.org", "Framasoft : des services libres pour les associations",
             "Framadate, Framapad et d'autres services sans publicité ni pistage, utilisés par plusieurs associations du réseau.",
             16, contributor, ["citoyennete"], ["framapad", "framadate"], null),
            ("https://yeswiki.net", "YesWiki : un site collaboratif pour un collectif",
             "Un wiki simple à prendre en main, repéré dans un tiers-lieu voisin pour partager l'agenda et les ressources d'un réseau.",
             24, coordination, ["citoyennete"], ["yeswiki"], null),
            ("https://decidim.org", "Decidim : la participation citoyenne en ligne",
             "Plateforme libre de participation utilisée par des collectivités ; à regarder pour les budgets participatifs de quartier.",
             31, contributor, ["citoyennete"], ["decidim"], "tours"),
            ("https://www.1jeune1solution.gouv.fr", "1jeune1solution : le point d'entrée emploi des 16-30 ans",
             "Le BIJ l'utilise en entretien : plus simple que l'espace France Travail pour une première recherche.",
             38, coordination, ["emploi"], ["1jeune1solution"], null),
        };
        var observation = await db.Observations.Where(o => o.Status == ObservationStatus.Validated && o.Tools.Any(t => t.Slug == "pix"))
            .OrderByDescending(o => o.ObservedOn).FirstOrDefaultAsync(ct);
        foreach (var it in items)
        {
            var at = now.AddDays(-it.DaysAgo);
            var item = new WatchItem
            {
                Url = it.Url, Title = it.Title, Note = it.Note, Status = WatchStatus.Published, CreatedAt = at, PublishedAt = at,
                PostedById = it.By?.Id, Group = group, Themes = Some(themes, it.Themes), Tools = Some(tools, it.Tools),
                Territory = it.Territory is null ? null : Get(territories, it.Territory),
            };
            if (it.Tools.Contains("pix") && observation is not null) item.Observations.Add(observation);
            db.WatchItems.Add(item);
            var other = it.By == coordination ? contributor : coordination;
            if (other is not null)
            {
                db.WatchUsefuls.Add(new WatchUseful { Item = item, UserId = other.Id, CreatedAt = at.AddHours(5) });
                if (it.DaysAgo % 2 == 1)
                    db.WatchComments.Add(new WatchComment
                    {
                        Item = item, AuthorId = other.Id, CreatedAt = at.AddHours(6),
                        Body = "Merci ! Nous l'avons essayé en atelier : à présenter à la prochaine rencontre du groupe.",
                    });
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
