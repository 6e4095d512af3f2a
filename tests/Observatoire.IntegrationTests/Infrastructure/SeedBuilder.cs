using Microsoft.EntityFrameworkCore;
using Observatoire.Web.Data;
using Observatoire.Web.Domain;
using Observatoire.Web.Infrastructure;

namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>
/// Test data with sensible defaults: each method adds an entity to the context and returns it; the caller
/// (<see cref="PortalFixture.Seed{T}"/>) saves. Slugs derive from names, "-2", "-3"… when already taken.
/// </summary>
public class SeedBuilder(ObservatoireDbContext db)
{
    private readonly HashSet<string> _slugs = [];

    public Territory Territory(string name = "Tours", TerritoryKind kind = TerritoryKind.Municipality, Territory? parent = null) =>
        Add(new Territory
        {
            Name = name, Slug = SlugFor<Territory>(name, t => t.Slug), Kind = kind, Parent = parent,
        });

    public Territory Quartier(string name = "Sanitas", Territory? commune = null) =>
        Territory(name, TerritoryKind.Neighbourhood, commune ?? Territory());

    /// <param name="kind">The name of a structure kind, made the first time it is named (null: no kind).</param>
    public Structure Structure(string name = "Centre social Pluriel", Territory? territory = null, string? kind = "Centre social") =>
        Add(new Structure
        {
            Name = name, Slug = SlugFor<Structure>(name, s => s.Slug), Kind = kind is null ? null : Kind(kind),
            Territory = territory ?? Territory(),
        });

    /// <param name="category">The name of a tool category, made the first time it is named (null: none).</param>
    /// <param name="licence">The name of a licence, made the first time it is named; « Libre » is free (null: unknown).</param>
    public DigitalTool Tool(string name = "Nextcloud", string? category = "Travail collaboratif", string? licence = "Libre",
        ToolStatus status = ToolStatus.Listed) =>
        Add(new DigitalTool
        {
            Name = name, Slug = SlugFor<DigitalTool>(name, t => t.Slug), Category = category is null ? null : Category(category),
            Licence = licence is null ? null : Licence(licence), Status = status,
        });

    /// <summary>The structure kind of this name: the one this builder or the database has, else a new one at the end of the list.</summary>
    public StructureKind Kind(string name) => Value(db.StructureKinds, name, () => new StructureKind { Name = name, Slug = Slug.From(name) });

    public ToolCategory Category(string name) => Value(db.ToolCategories, name, () => new ToolCategory { Name = name, Slug = Slug.From(name) });

    /// <param name="isFree">Whether it is a free licence; by default only « Libre » is.</param>
    public Licence Licence(string name, bool? isFree = null) =>
        Value(db.Licences, name, () => new Licence { Name = name, Slug = Slug.From(name), IsFree = isFree ?? name == "Libre" });

    private T Value<T>(DbSet<T> values, string name, Func<T> create) where T : class, IReferenceValue
    {
        if (values.Local.FirstOrDefault(v => v.Name == name) is { } made) return made;
        if (values.FirstOrDefault(v => v.Name == name) is { } stored) return stored;
        var value = create();
        value.SortOrder = values.Count() + values.Local.Count(v => v.Id == 0) + 1;
        return Add(value);
    }

    public Theme Theme(string name = "Emploi") =>
        Add(new Theme { Name = name, Slug = SlugFor<Theme>(name, t => t.Slug) });

    public Audience Audience(string name = "Demandeurs d'emploi") =>
        Add(new Audience { Name = name, Slug = SlugFor<Audience>(name, a => a.Slug) });

    public Actor Actor(string fullName = "Léa Martin", ActorCategory category = ActorCategory.FieldProfessional) =>
        Add(new Actor { FullName = fullName, Slug = SlugFor<Actor>(fullName, a => a.Slug), Category = category });

    /// <summary>A validated observation (so it counts in published figures) unless another status is given.</summary>
    public Observation Observation(string title = "Atelier CV en ligne", Structure? structure = null, Territory? territory = null,
        ObservationStatus status = ObservationStatus.Validated, DateOnly? observedOn = null, int participants = 8,
        DigitalTool[]? tools = null, Theme[]? themes = null, Audience[]? audiences = null,
        AppropriationLevel level = AppropriationLevel.GettingStarted, string description = "Séance collective d'une heure et demie.")
    {
        structure ??= Structure();
        var now = DateTime.UtcNow;
        return Add(new Observation
        {
            Title = title,
            Structure = structure,
            Territory = territory ?? structure.Territory
                ?? (structure.TerritoryId is int id ? db.Territories.Find(id) : null) ?? Territory(),
            ObservedOn = observedOn ?? DateOnly.FromDateTime(now).AddDays(-7),
            Status = status,
            ParticipantsCount = participants,
            Tools = [.. tools ?? []],
            Themes = [.. themes ?? []],
            Audiences = [.. audiences ?? []],
            AppropriationLevel = level,
            Description = description,
            CreatedAt = now,
            UpdatedAt = now,
            ValidatedAt = status == ObservationStatus.Validated ? now : null,
        });
    }

    /// <summary>An event a week from now, two hours long, open to the public unless told otherwise.</summary>
    public Event Event(string title = "Atelier numérique", DateTime? startsAt = null, int? capacity = null, bool openToPublic = true,
        string place = "Centre social du Sanitas, Tours")
    {
        var start = startsAt ?? DateTime.UtcNow.Date.AddDays(7).AddHours(13);
        return Add(new Event
        {
            Title = title, Slug = SlugFor<Event>(title, e => e.Slug), StartsAt = start, EndsAt = start.AddHours(2), Place = place,
            Capacity = capacity, OpenToPublic = openToPublic, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
    }

    public T Add<T>(T entity) where T : class
    {
        db.Add(entity);
        return entity;
    }

    // Slugs are unique per table: checks what this builder already made and what the database holds.
    private string SlugFor<T>(string name, System.Linq.Expressions.Expression<Func<T, string>> slugOf) where T : class
    {
        var baseSlug = Slug.From(name);
        var candidate = baseSlug;
        var parameter = slugOf.Parameters[0];
        for (var n = 2; ; n++)
        {
            var key = $"{typeof(T).Name}:{candidate}";
            var equals = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                System.Linq.Expressions.Expression.Equal(slugOf.Body, System.Linq.Expressions.Expression.Constant(candidate)), parameter);
            if (!_slugs.Contains(key) && !db.Set<T>().AsNoTracking().Any(equals))
            {
                _slugs.Add(key);
                return candidate;
            }
            candidate = $"{baseSlug}-{n}";
        }
    }
}
