namespace Observatoire.IntegrationTests.Observations;

/// <summary>
/// Two structures in two quartiers, a few tools, themes and audiences: enough for each rule of the observation pages.
/// "Ours" is the structure the contributor under test belongs to; "theirs" is another one.
/// </summary>
public record ObservationWorld(
    Territory Tours, Territory Sanitas, Territory Rabiere, Structure Ours, Structure Theirs,
    DigitalTool Nextcloud, DigitalTool Jitsi, Theme Emploi, Theme Education, Audience Jeunes)
{
    public static Task<ObservationWorld> Create(PortalFixture portal) => portal.Seed(s =>
    {
        var tours = s.Territory("Tours");
        var joue = s.Territory("Joué-lès-Tours");
        var sanitas = s.Quartier("Sanitas", tours);
        var rabiere = s.Quartier("Rabière", joue);
        return new ObservationWorld(tours, sanitas, rabiere,
            s.Structure("Centre social Pluriel", sanitas), s.Structure("Association Rabière Numérique", rabiere, "Association"),
            s.Tool("Nextcloud"), s.Tool("Jitsi Meet", "Communication et messagerie"),
            s.Theme("Emploi"), s.Theme("Éducation"), s.Audience("Jeunes"));
    });

    /// <summary>Seeds more data that points at this world's entities (attached, not inserted again).</summary>
    public Task<T> Seed<T>(PortalFixture portal, Func<SeedBuilder, T> build) => portal.Db(async db =>
    {
        db.AttachRange(Tours, Sanitas, Rabiere, Ours, Theirs, Nextcloud, Jitsi, Emploi, Education, Jeunes);
        var result = build(new SeedBuilder(db));
        await db.SaveChangesAsync();
        return result;
    });

    /// <summary>A complete, valid form for <see cref="Ours"/>; override or add fields with <paramref name="extra"/>.</summary>
    public List<KeyValuePair<string, string>> Form(string title = "Atelier CV en ligne", string intent = "brouillon",
        params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.ObservedOn"] = DateOnly.FromDateTime(DateTime.Now).AddDays(-3).ToString("yyyy-MM-dd"),
            ["Input.StructureId"] = Ours.Id.ToString(),
            ["Input.TerritoryId"] = Sanitas.Id.ToString(),
            ["Input.ParticipantsCount"] = "8",
            ["Input.AppropriationLevel"] = AppropriationLevel.GettingStarted.ExternalName(),
            ["Input.Description"] = "Séance collective d'une heure et demie.",
            ["Input.WhatWorked"] = "Le travail en binôme.",
            ["Input.Difficulties"] = "",
            ["Input.NewTools"] = "",
            ["Intent"] = intent,
        };
        foreach (var (key, value) in extra.Where(e => !e.Key.EndsWith("Ids", StringComparison.Ordinal)))
            fields[key] = value;
        var list = fields.ToList();
        var lists = extra.Where(e => e.Key.EndsWith("Ids", StringComparison.Ordinal)).ToList();
        if (lists.All(e => e.Key != "Input.ToolIds")) list.Add(new("Input.ToolIds", Nextcloud.Id.ToString()));
        if (lists.All(e => e.Key != "Input.ThemeIds")) list.Add(new("Input.ThemeIds", Emploi.Id.ToString()));
        // ("Input.ToolIds", "") means "none ticked".
        list.AddRange(lists.Where(e => e.Value != "").Select(e => new KeyValuePair<string, string>(e.Key, e.Value)));
        return list;
    }
}
