namespace Observatoire.Web.Pages.Imports;

/// <summary>The import kinds, one singleton each, and what follows a merge of the records imports name by id.</summary>
public static class ImportServices
{
    public static IServiceCollection AddObservatoireImports(this IServiceCollection services) =>
        services.AddSingleton<ImportKind, StructureImport>()
            .AddSingleton<ImportKind, ToolImport>()
            .AddSingleton<ImportKind, TerritoryImport>()
            .AddSingleton<ImportKind, ActorImport>()
            .AddSingleton<ImportKind, ObservationKind>()
            .AddScoped<ImportAccess>()
            .AddScoped<ImportPipeline>()
            // Imported records and external identifiers are kept by entity and id: a merge moves them to the record kept.
            .AddScoped<IMergeFollower, ImportMergeFollower>();
}
