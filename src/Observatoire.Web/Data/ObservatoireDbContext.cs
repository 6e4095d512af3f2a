using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Observatoire.Web.Data;

/// <summary>The one context of the portal.</summary>
/// <remarks>
/// New migration: <c>dotnet ef migrations add Name --project src/Observatoire.Web --output-dir Data/Migrations</c>
/// </remarks>
public class ObservatoireDbContext(DbContextOptions<ObservatoireDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>French text search configuration that ignores accents, created by the first migration.</summary>
    public const string SearchConfig = "fr_unaccent";

    /// <summary>
    /// French sort order (PostgreSQL's ICU collation; « Élodie » before « Yanis », « uMap » between « Trello » and
    /// « Zoom »), set on the name columns people read as sorted lists. The database itself is created with the C locale.
    /// </summary>
    public const string FrenchCollation = "fr-FR-x-icu";

    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<StructureMembership> StructureMemberships => Set<StructureMembership>();
    public DbSet<DigitalTool> DigitalTools => Set<DigitalTool>();
    public DbSet<ToolCategory> ToolCategories => Set<ToolCategory>();
    public DbSet<Licence> Licences => Set<Licence>();
    public DbSet<StructureKind> StructureKinds => Set<StructureKind>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Audience> Audiences => Set<Audience>();
    public DbSet<AppropriationLevelWording> AppropriationLevelWordings => Set<AppropriationLevelWording>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<ObservationChange> ObservationChanges => Set<ObservationChange>();
    public DbSet<DirectoryChange> DirectoryChanges => Set<DirectoryChange>();
    public DbSet<SlugAlias> SlugAliases => Set<SlugAlias>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveySection> SurveySections => Set<SurveySection>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<InvitationCode> InvitationCodes => Set<InvitationCode>();
    public DbSet<ResumeDraft> ResumeDrafts => Set<ResumeDraft>();
    public DbSet<WikiPage> WikiPages => Set<WikiPage>();
    public DbSet<WikiRevision> WikiRevisions => Set<WikiRevision>();
    public DbSet<WikiAttachment> WikiAttachments => Set<WikiAttachment>();
    public DbSet<WikiWatch> WikiWatches => Set<WikiWatch>();
    public DbSet<WikiLink> WikiLinks => Set<WikiLink>();
    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<WatchItem> WatchItems => Set<WatchItem>();
    public DbSet<WatchComment> WatchComments => Set<WatchComment>();
    public DbSet<WatchUseful> WatchUsefuls => Set<WatchUseful>();
    public DbSet<FeedSource> FeedSources => Set<FeedSource>();
    public DbSet<MailMessage> MailMessages => Set<MailMessage>();
    public DbSet<Synthesis> Syntheses => Set<Synthesis>();
    public DbSet<SynthesisDownload> SynthesisDownloads => Set<SynthesisDownload>();
    public DbSet<AnalysisFact> AnalysisFacts => Set<AnalysisFact>();
    public DbSet<AnalysisCell> AnalysisCells => Set<AnalysisCell>();
    public DbSet<AnalysisToolCell> AnalysisToolCells => Set<AnalysisToolCell>();
    public DbSet<AnalysisToolDetailCell> AnalysisToolDetailCells => Set<AnalysisToolDetailCell>();
    public DbSet<AnalysisToolDay> AnalysisToolDays => Set<AnalysisToolDay>();
    public DbSet<SurveyAnswerDay> SurveyAnswerDays => Set<SurveyAnswerDay>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ObservatorySettings> ObservatorySettings => Set<ObservatorySettings>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportedRecord> ImportedRecords => Set<ImportedRecord>();
    public DbSet<ImportExternalId> ImportExternalIds => Set<ImportExternalId>();
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
    public DbSet<NotificationTrigger> NotificationTriggers => Set<NotificationTrigger>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.ApplyConfigurationsFromAssembly(typeof(ObservatoireDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and in exports, stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Members renamed into English keep their first, French, name in the rows ([ExternalName]).
        foreach (var type in ExternalNames.RenamedEnums(typeof(ObservatoireDbContext).Assembly))
            configurationBuilder.Properties(type).HaveConversion(typeof(ExternalNameValueConverter<>).MakeGenericType(type));
    }
}
