namespace Observatoire.IntegrationTests.Dashboard;

/// <summary>
/// Observations for scopes of several territories, themes and audiences, counted by hand in the tests.
/// Period: 15 January – 31 March 2026 (previous period: 31 October 2025 – 14 January 2026).
/// <code>
/// #  date        structure (kind)            territory  status   themes              audiences          tools               part. level
/// 1  2026-01-20  Pluriel (centre social)     Sanitas    validée  emploi, éducation   jeunes, seniors    nextcloud, whatsapp 10    découverte
/// 2  2026-02-10  Pluriel                     Sanitas    validée  emploi              jeunes             nextcloud           6     prise en main
/// 3  2026-03-05  Résoudre (association)      Rabière    validée  éducation, santé    seniors, familles  whatsapp            4     autonomie
/// 4  2026-03-20  Résoudre                    Rabière    validée  santé               seniors            ameli               7     usage régulier
/// 5  2026-02-15  Entraide (association)      Fontaines  validée  emploi, éducation   seniors, familles  ameli, nextcloud    5     découverte
/// 6  2026-02-20  Pluriel                     Sanitas    soumise  emploi              jeunes             —                   100
/// 7  2026-01-10  Pluriel                     Sanitas    validée  emploi, éducation   jeunes             —                   3     (previous period)
/// 8  2026-04-01  Résoudre                    Rabière    validée  éducation           familles           —                   50    (after the period)
/// </code>
/// Sanitas and Fontaines are quartiers of Tours, Rabière of Joué-lès-Tours. Nextcloud is free software, WhatsApp and
/// Ameli are not. Theme order: emploi, éducation, santé; audience order: jeunes, seniors, familles.
/// </summary>
public static class MultiScopeData
{
    public static readonly DateOnly From = new(2026, 1, 15);
    public static readonly DateOnly To = new(2026, 3, 31);
    public const string Period = "du=2026-01-15&au=2026-03-31";

    public static Task SeedAsync(PortalFixture portal) => portal.Seed(s =>
    {
        var tours = s.Territory("Tours");
        var sanitas = s.Quartier("Sanitas", tours);
        var fontaines = s.Quartier("Fontaines", tours);
        var rabiere = s.Quartier("Rabière", s.Territory("Joué-lès-Tours"));
        var pluriel = s.Structure("Centre social Pluriel", sanitas, "Centre social");
        var resoudre = s.Structure("Résoudre", rabiere, "Association");
        var entraide = s.Structure("Entraide Fontaines", fontaines, "Association");
        var emploi = s.Theme("Emploi");
        var education = s.Theme("Éducation");
        var sante = s.Theme("Santé");
        (emploi.SortOrder, education.SortOrder, sante.SortOrder) = (1, 2, 3);
        var jeunes = s.Audience("Jeunes");
        var seniors = s.Audience("Seniors");
        var familles = s.Audience("Familles");
        (jeunes.SortOrder, seniors.SortOrder, familles.SortOrder) = (1, 2, 3);
        var nextcloud = s.Tool("Nextcloud", "Travail collaboratif", "Libre");
        var whatsapp = s.Tool("WhatsApp", "Communication et messagerie", "Propriétaire");
        var ameli = s.Tool("Ameli", "Démarches en ligne", "Propriétaire");

        s.Observation("Atelier CV", pluriel, sanitas, observedOn: new(2026, 1, 20), participants: 10,
            themes: [emploi, education], audiences: [jeunes, seniors], tools: [nextcloud, whatsapp], level: AppropriationLevel.Discovery);
        s.Observation("Classe virtuelle", pluriel, sanitas, observedOn: new(2026, 2, 10), participants: 6,
            themes: [emploi], audiences: [jeunes], tools: [nextcloud], level: AppropriationLevel.GettingStarted);
        s.Observation("Groupe d'entraide", resoudre, rabiere, observedOn: new(2026, 3, 5), participants: 4,
            themes: [education, sante], audiences: [seniors, familles], tools: [whatsapp], level: AppropriationLevel.Autonomy);
        s.Observation("Compte santé", resoudre, rabiere, observedOn: new(2026, 3, 20), participants: 7,
            themes: [sante], audiences: [seniors], tools: [ameli], level: AppropriationLevel.RegularUse);
        s.Observation("Permanence", entraide, fontaines, observedOn: new(2026, 2, 15), participants: 5,
            themes: [emploi, education], audiences: [seniors, familles], tools: [ameli, nextcloud], level: AppropriationLevel.Discovery);
        s.Observation("En attente", pluriel, sanitas, status: ObservationStatus.Submitted, observedOn: new(2026, 2, 20), participants: 100,
            themes: [emploi], audiences: [jeunes]);
        s.Observation("Avant la période", pluriel, sanitas, observedOn: new(2026, 1, 10), participants: 3,
            themes: [emploi, education], audiences: [jeunes]);
        s.Observation("Après la période", resoudre, rabiere, observedOn: new(2026, 4, 1), participants: 50,
            themes: [education], audiences: [familles]);
        return tours;
    });
}
