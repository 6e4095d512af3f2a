namespace Observatoire.Web.Pages;

/// <summary>One option of a form's pick list (a tool, a theme, a structure…): what is posted, and what is read.</summary>
public sealed record Choice(int Id, string Name);
