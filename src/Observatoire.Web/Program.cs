using Observatoire.Web.Pages.Dashboard;
using Observatoire.Web.Pages.Directory;
using Observatoire.Web.Pages.Events;
using Observatoire.Web.Pages.Imports;
using Observatoire.Web.Pages.Notifications;
using Observatoire.Web.Pages.Search;
using Observatoire.Web.Pages.Surveys;
using Observatoire.Web.Pages.Syntheses;
using Observatoire.Web.Pages.Watch;
using Observatoire.Web.Pages.Wiki;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservatoireLogging();
builder.AddObservatoireStaticAssets();
builder.Services.AddObservatoireData(builder.Configuration);
builder.Services.AddObservatoireIdentity();
builder.Services.AddObservatoireSecurity(builder.Configuration);
builder.Services.AddObservatoireWeb();
builder.Services.AddObservatorySettings();
builder.Services.AddObservatoireAnalysis();
builder.Services.AddObservatoireDashboard();
builder.Services.AddObservatoireDirectory();
builder.Services.AddObservatoireSurveys();
builder.Services.AddObservatoireSyntheses(builder.Configuration);
builder.Services.AddObservatoireWiki(builder.Configuration);
builder.Services.AddObservatoireEvents();
builder.Services.AddObservatoireWatch(builder.Configuration);
builder.Services.AddObservatoireImports();
builder.Services.AddObservatoireNotifications(builder.Configuration);
builder.Services.AddObservatoireSearch();

var app = builder.Build();
app.UseObservatoirePipeline();

// Both say in French what to do when they refuse; the assets are checked first, before the database is touched.
if (!app.HasItsStaticAssets() || !await app.PrepareDatabaseAsync())
    return 1;

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
