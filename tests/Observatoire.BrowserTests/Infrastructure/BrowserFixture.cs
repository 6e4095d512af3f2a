using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Observatoire.IntegrationTests.Infrastructure;

namespace Observatoire.BrowserTests.Infrastructure;

[CollectionDefinition(nameof(BrowserCollection))]
public class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>
/// The portal on a real Kestrel port over its own PostgreSQL database, and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestPostgres _postgres = null!;
    private PortalFactory _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>TestResults/screenshots at the repository root: where a person looks at what the tests saw.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium est introuvable ({ChromiumPath}) : apt-get install chromium, ou lancez scripts/test.sh.");

        _postgres = await TestPostgres.StartAsync();
        var port = TestPostgres.FreeTcpPort();
        _factory = new PortalFactory(await _postgres.CreateDatabaseAsync("obs_browser"));
        _factory.UseKestrel(port);
        _factory.StartServer();
        BaseUrl = $"http://localhost:{port}";

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    /// <summary>A fresh page (own cookies) in French, at the given viewport size; close its context when done.</summary>
    public Task<IPage> NewPage(int width = 1280, int height = 800) => NewPage(BaseUrl, width, height);

    /// <summary>A fresh page on the portal at <paramref name="baseUrl"/> (an <see cref="EmptyPortal"/>).</summary>
    public async Task<IPage> NewPage(string baseUrl, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A second portal on a database of its own, started as a real first start: no administrator, no demo data, no other
    /// test's records — for the journeys of an instance started from nothing, which the database the other browser tests
    /// share cannot give. Its log (the setup link among it) goes to <paramref name="logs"/>. In « Production », it runs
    /// with that environment's defaults (second factor for staff, rate limits, log levels). Dispose it.
    /// </summary>
    /// <paramref name="settings"/> and <paramref name="services"/> add to its configuration and services (an SMTP server, a clock).
    public async Task<EmptyPortal> StartEmptyPortalAsync(string name, LogCapture? logs = null, string environment = "Testing",
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [PortalFactory.SetupAnnouncementLevel] = "Warning",
        };
        var factory = new PortalFactory(await _postgres.CreateDatabaseAsync(name), configuration, s =>
        {
            if (logs is not null) s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            services?.Invoke(s);
        }) { Environment = environment };
        var port = TestPostgres.FreeTcpPort();
        factory.UseKestrel(port);
        factory.StartServer();
        return new EmptyPortal(factory, $"http://localhost:{port}");
    }

    public sealed class EmptyPortal(PortalFactory factory, string baseUrl) : IAsyncDisposable
    {
        public string BaseUrl { get; } = baseUrl;
        public IServiceProvider Services => factory.Services;
        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }

    /// <summary>The portal's services, for tests that create accounts or save through the portal's own code.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The password of the accounts made by <see cref="CreateAccount"/>.</summary>
    public const string Password = "Test-Password-2026";

    /// <summary>
    /// A new confirmed account (<c>{kind}-{guid}@test.fr</c>, password <see cref="Password"/>) with this role, member of these
    /// structures; gives its e-mail address, to sign in with.
    /// </summary>
    public Task<string> CreateAccount(string kind, string displayName, string role, params int[] structureIds) =>
        CreateAccount(_factory.Services, kind, displayName, role, structureIds);

    /// <summary>The same, on the portal whose services are given (an <see cref="EmptyPortal"/>).</summary>
    public static async Task<string> CreateAccount(IServiceProvider services, string kind, string displayName, string role,
        params int[] structureIds)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var email = $"{kind}-{Guid.NewGuid():N}@test.fr";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (structureIds.Length == 0) return email;
        foreach (var id in structureIds) user.Structures.Add((await db.Structures.FindAsync(id))!);
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>A fresh page at this viewport size, signed in through the form with an account of <see cref="CreateAccount"/>.</summary>
    public async Task<IPage> SignedInPage(string email, int width = 1280, int height = 800)
    {
        var page = await NewPage(width, height);
        await SignIn(page, email);
        return page;
    }

    /// <summary>Signs this page in through the form with an account of <see cref="CreateAccount"/> (or any account whose password is <paramref name="password"/>).</summary>
    public static async Task SignIn(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await Submit(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }), url => !url.Contains("/compte/connexion"));
    }

    /// <summary>
    /// Clicks what sends the page elsewhere (a form's button, a link) and returns once the next document is parsed, at an
    /// address that <paramref name="to"/> accepts when given. Playwright's own waits for the browser's « load » event
    /// (WaitForURLAsync, whatever its WaitUntil when the address already matches; WaitForLoadStateAsync) sometimes never
    /// return with Debian's Chromium 156, newer than Playwright 1.64 knows: the next page is shown, « networkidle » is
    /// reported, « load » never is (30 s timeouts, in CI and here). So the document being left is marked, and the wait
    /// asks the new one whether it is parsed; the address is then checked, not waited for.
    /// </summary>
    public static async Task Submit(ILocator target, Func<string, bool>? to = null)
    {
        var page = target.Page;
        await page.EvaluateAsync("() => { window.__observatoireLeaving = true; }");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__observatoireLeaving !== true && document.readyState !== 'loading'");
        if (to is not null && !to(page.Url))
            throw new Xunit.Sdk.XunitException($"Après le clic, la page est {page.Url}, pas celle attendue.");
    }

    public static Task Submit(ILocator target, Regex to) => Submit(target, to.IsMatch);

    /// <summary>The same, with a glob such as <c>**/wiki/page</c>.</summary>
    public static Task Submit(ILocator target, string glob)
    {
        var pattern = new Regex("^" + Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$");
        return Submit(target, pattern.IsMatch);
    }

    /// <summary>Adds entities through a <see cref="SeedBuilder"/> and saves them.</summary>
    public async Task<T> Seed<T>(Func<SeedBuilder, T> build)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoireDbContext>();
        var result = build(new SeedBuilder(db));
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>axe's serious and critical violations on the page as it is now, each said with <paramref name="where"/>.</summary>
    public static async Task<IEnumerable<string>> SeriousViolations(IPage page, string where)
    {
        Deque.AxeCore.Commons.AxeResult results = await page.RunAxe();
        return results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
            $"- {where} [{v.Impact}] {v.Id} : {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Html}")));
    }

    public static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name), FullPage = fullPage });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Observatoire.sln")))
                return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
