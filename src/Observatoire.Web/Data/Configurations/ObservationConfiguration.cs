namespace Observatoire.Web.Data.Configurations;

public class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.Property(o => o.Title).HasMaxLength(200).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(o => o.Description).HasMaxLength(20000);
        b.Property(o => o.WhatWorked).HasMaxLength(8000);
        b.Property(o => o.Difficulties).HasMaxLength(8000);
        b.Property(o => o.ReviewComment).HasMaxLength(4000);
        b.HasOne(o => o.Structure).WithMany().HasForeignKey(o => o.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Territory).WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Observer).WithMany().HasForeignKey(o => o.ObserverId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(o => o.CreatedBy).WithMany().HasForeignKey(o => o.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(o => o.Tools).WithMany().UsingEntity("ObservationTools");
        b.HasMany(o => o.Themes).WithMany().UsingEntity("ObservationThemes");
        b.HasMany(o => o.Audiences).WithMany().UsingEntity("ObservationAudiences");
        b.HasIndex(o => new { o.Status, o.ObservedOn });
        // The structure's foreign key, and an import's natural key (date, structure, territory, title): the lines of a
        // file find their stored observations by (structure, date) without reading the table (ObservationSnapshot).
        b.HasIndex(o => new { o.StructureId, o.ObservedOn });
        b.HasIndex(o => o.TerritoryId);
        b.Property(o => o.SearchVector).HasComputedColumnSql(
            SearchVectorSql.For(("Title", 'A'), ("Description", 'B'), ("WhatWorked", 'C'), ("Difficulties", 'C')), stored: true);
        b.HasIndex(o => o.SearchVector).HasMethod("GIN");
        b.Property(o => o.Version).IsRowVersion();
    }
}
