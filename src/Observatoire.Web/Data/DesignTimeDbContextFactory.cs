using Microsoft.EntityFrameworkCore.Design;

namespace Observatoire.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ObservatoireDbContext>
{
    public ObservatoireDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ObservatoireDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Observatoire") ?? "Host=localhost;Database=observatoire")
            .Options);
}
