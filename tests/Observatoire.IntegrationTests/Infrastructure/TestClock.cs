namespace Observatoire.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand: tomorrow's digest, a retry due in a minute, without waiting.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
