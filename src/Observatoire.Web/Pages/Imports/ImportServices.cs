namespace Observatoire.Web.Pages.Imports;

/// <summary>The import kinds, one singleton each, and what follows a merge of the records imports name by id.</summary>
public static class ImportServices
{
    public static IServiceCollection AddObservatoireImports(this IServiceCollection services) =>
        services.AddSingleton<ImportKind, StructureImport>()
            .AddSingleton<ImportKind, ObservationKind>();
}
