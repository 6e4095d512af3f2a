namespace Observatoire.Web.Infrastructure;

/// <summary>The first administrator, created at start-up when the account does not exist (section "Observatoire:Admin").</summary>
public class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
