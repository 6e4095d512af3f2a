namespace Observatoire.Web.Data.Configurations;

public class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Title).HasMaxLength(200).UseCollation(ObservatoireDbContext.FrenchCollation);
        b.Property(s => s.Slug).HasMaxLength(120);
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.Intro).HasMaxLength(4000);
        b.HasIndex(s => s.Status);
        b.Property(s => s.Version).IsRowVersion();
    }
}
