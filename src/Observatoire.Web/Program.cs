using Observatoire.Web.Infrastructure;
using Observatoire.Web.Pages.Surveys;
using Observatoire.Web.Pages.Watch;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservatoireLogging();
builder.Services.AddObservatoireData(builder.Configuration);
builder.Services.AddObservatoireIdentity();
builder.Services.AddObservatoireSecurity(builder.Configuration);
builder.Services.AddObservatoireWeb(builder.Configuration);
builder.Services.AddObservatoireSurveys();
builder.Services.AddObservatoireVeille(builder.Configuration);

var app = builder.Build();

if (!await app.PrepareDatabaseAsync())
    return 1;

app.UseObservatoirePipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
