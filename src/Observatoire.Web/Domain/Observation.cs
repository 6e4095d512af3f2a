using System.ComponentModel;
using NpgsqlTypes;

namespace Observatoire.Web.Domain;

[TypeConverter(typeof(ExternalNameConverter))]
public enum ObservationStatus
{
    [Display(Name = "Brouillon"), ExternalName("Brouillon")] Draft,
    [Display(Name = "Soumise"), ExternalName("Soumise")] Submitted,
    [Display(Name = "Validée"), ExternalName("Validee")] Validated,
}

/// <summary>How far the public made the tool its own, from discovery to autonomy.</summary>
[TypeConverter(typeof(ExternalNameConverter))]
public enum AppropriationLevel
{
    [Display(Name = "1 — Découverte", Description = "Les personnes découvrent l'outil, accompagnées pas à pas."), ExternalName("Decouverte")] Discovery = 1,
    [Display(Name = "2 — Prise en main", Description = "Elles refont les gestes de base avec un peu d'aide."), ExternalName("PriseEnMain")] GettingStarted = 2,
    [Display(Name = "3 — Usage régulier", Description = "Elles s'en servent seules pour ce dont elles ont besoin."), ExternalName("UsageRegulier")] RegularUse = 3,
    [Display(Name = "4 — Autonomie", Description = "Elles l'utilisent avec aisance et aident d'autres personnes."), ExternalName("Autonomie")] Autonomy = 4,
}

/// <summary>An observed usage of digital tools, logged by a field worker.</summary>
public class Observation
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public DateOnly ObservedOn { get; set; }
    public int StructureId { get; set; }
    public Structure Structure { get; set; } = null!;
    public int TerritoryId { get; set; }
    public Territory Territory { get; set; } = null!;
    public List<DigitalTool> Tools { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];
    public List<Audience> Audiences { get; set; } = [];
    public int ParticipantsCount { get; set; }
    /// <summary>Free description, Markdown.</summary>
    public string Description { get; set; } = "";
    public string? WhatWorked { get; set; }
    public string? Difficulties { get; set; }
    public AppropriationLevel AppropriationLevel { get; set; }
    public int? ObserverId { get; set; }
    public Actor? Observer { get; set; }
    public string? CreatedById { get; set; }
    public AppUser? CreatedBy { get; set; }
    public ObservationStatus Status { get; set; }
    /// <summary>Coordination's comment when it returns an observation to its author.</summary>
    public string? ReviewComment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ValidatedAt { get; set; }
    public NpgsqlTsVector SearchVector { get; set; } = null!;
    public uint Version { get; set; }
}
