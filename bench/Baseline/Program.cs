using Microsoft.EntityFrameworkCore;

// The "Fortunes" shape: read 12 rows over PostgreSQL, add one, sort, render in a layout. Same data stack as the
// portal (pooled EF Core context, Npgsql), none of its features: every portal figure is read as a multiple of this.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddDbContextPool<FortuneDb>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Baseline")));
builder.Services.AddRazorPages();
var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FortuneDb>();
    await db.Database.ExecuteSqlRawAsync(FortuneDb.Setup);
}
app.MapRazorPages();
await app.RunAsync();

public class Fortune
{
    public int Id { get; set; }
    public required string Message { get; set; }
}

public class FortuneDb(DbContextOptions<FortuneDb> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    protected override void OnModelCreating(ModelBuilder b) => b.Entity<Fortune>(e =>
    {
        e.ToTable("fortunes");
        e.Property(f => f.Id).HasColumnName("id");
        e.Property(f => f.Message).HasColumnName("message");
    });

    public const string Setup = """
        CREATE TABLE IF NOT EXISTS fortunes (id integer PRIMARY KEY, message varchar(2048) NOT NULL);
        INSERT INTO fortunes (id, message) VALUES
          (1, 'fortune: No such file or directory'),
          (2, 'A computer scientist is someone who fixes things that aren''t broken.'),
          (3, 'After enough decimal places, nobody gives a damn.'),
          (4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
          (5, 'A computer program does what you tell it to do, not what you want it to do.'),
          (6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
          (7, 'Any program that runs right is obsolete.'),
          (8, 'A list is only as strong as its weakest link. — Donald Knuth'),
          (9, 'Feature: A bug with seniority.'),
          (10, 'Computers make very fast, very accurate mistakes.'),
          (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
          (12, 'フレームワークのベンチマーク')
        ON CONFLICT (id) DO NOTHING;
        """;
}
