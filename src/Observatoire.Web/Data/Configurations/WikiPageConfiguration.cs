namespace Observatoire.Web.Data.Configurations;

public class WikiPageConfiguration : IEntityTypeConfiguration<WikiPage>
{
    public void Configure(EntityTypeBuilder<WikiPage> b)
    {
        b.Property(p => p.Title).HasMaxLength(200).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(p => p.Slug).HasMaxLength(140);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.PlainText).HasMaxLength(200_000);
        b.Property(p => p.Categories).HasColumnType("text[]");
        b.HasIndex(p => p.Categories).HasMethod("GIN");
        b.HasIndex(p => p.UpdatedAt);
        b.HasOne(p => p.CurrentRevision).WithOne().HasForeignKey<WikiPage>(p => p.CurrentRevisionId)
            .OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Revisions).WithOne(r => r.Page).HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Structures).WithMany().UsingEntity("WikiPageStructures");
        b.HasMany(p => p.Tools).WithMany().UsingEntity("WikiPageTools");
        b.HasMany(p => p.Territories).WithMany().UsingEntity("WikiPageTerritories");
        b.HasMany(p => p.Themes).WithMany().UsingEntity("WikiPageThemes");
        b.HasMany(p => p.Observations).WithMany().UsingEntity("WikiPageObservations");
        b.Property(p => p.SearchVector)
            .HasComputedColumnSql(SearchVectorSql.For(("Title", 'A'), ("PlainText", 'B')), stored: true);
        b.HasIndex(p => p.SearchVector).HasMethod("GIN");
        b.Property(p => p.Version).IsRowVersion();
    }
}
