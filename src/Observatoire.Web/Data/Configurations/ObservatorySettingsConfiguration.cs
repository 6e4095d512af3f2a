namespace Observatoire.Web.Data.Configurations;

public class ObservatorySettingsConfiguration : IEntityTypeConfiguration<ObservatorySettings>
{
    public const int NameLength = 160;
    public const int ShortNameLength = 60;
    public const int TerritoryLength = 160;
    public const int DescriptionLength = 400;
    public const int NoticeLength = 30_000;
    public const int IntroductionLength = 4_000;

    public void Configure(EntityTypeBuilder<ObservatorySettings> b)
    {
        b.ToTable("ObservatorySettings", t => t.HasCheckConstraint("CK_ObservatorySettings_Singleton", $"\"Id\" = {ObservatorySettings.SingletonId}"));
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(NameLength);
        b.Property(s => s.ShortName).HasMaxLength(ShortNameLength);
        b.Property(s => s.Territory).HasMaxLength(TerritoryLength);
        b.Property(s => s.Description).HasMaxLength(DescriptionLength);
        b.Property(s => s.ContactEmail).HasMaxLength(256);
        b.Property(s => s.Introduction).HasMaxLength(IntroductionLength);
        b.Property(s => s.LegalNotice).HasMaxLength(NoticeLength);
        b.Property(s => s.PrivacyNotice).HasMaxLength(NoticeLength);
        b.Property(s => s.AccessibilityStatement).HasMaxLength(NoticeLength);
        b.Property(s => s.UpdatedByName).HasMaxLength(Infrastructure.Audit.NameLength);
        b.Property(s => s.Version).IsRowVersion();
    }
}
