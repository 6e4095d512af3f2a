using System.Collections.Concurrent;
using Npgsql;

namespace Observatoire.Web.Pages.Surveys;

/// <summary>
/// The survey forms as respondents meet them, kept in memory per survey and form version: each screen of the answering path
/// reads one row (the version) instead of the survey, its sections, questions and options, and the quartier or tool lists
/// (issue #20: those queries were about 40 % of a screen's CPU). The version is a row kept by statement triggers on every
/// table a form is built from (migration SurveyFormVersion), so it changes with any edit of the builder, the directory or
/// the survey's status, on every instance at once. It is read before the form: a form loaded afterwards is never older
/// than its version, and an edit committed in between only makes the entry miss on the next request.
/// </summary>
public sealed class SurveyFormCache
{
    /// <summary>Forms kept at most (open surveys are a handful); past it the cache starts again empty.</summary>
    public const int Capacity = 256;

    private const string VersionSql = """SELECT "Value" FROM "SurveyFormVersion" WHERE "Id" = 1""";

    private readonly ConcurrentDictionary<string, (long Version, SurveyForm? Form)> _forms = new(StringComparer.Ordinal);

    /// <summary>The survey of this slug (null when there is none), from memory when nothing it is built from has changed.</summary>
    public async Task<SurveyForm?> LoadAsync(ObservatoireDbContext db, string slug, CancellationToken ct)
    {
        // A plain command on the context's connection: this runs on every screen, and EF's query pipeline costs more than it.
        await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(VersionSql, (NpgsqlConnection)db.Database.GetDbConnection());
        var version = await command.ExecuteScalarAsync(ct) as long?;
        // No version row (a database emptied by hand): always read the form.
        if (version is not long current) return await SurveyForm.LoadAsync(db, slug, ct);
        if (_forms.TryGetValue(slug, out var entry) && entry.Version == current) return entry.Form;
        var form = await SurveyForm.LoadAsync(db, slug, ct);
        if (_forms.Count >= Capacity) _forms.Clear();
        // An unknown slug is kept too (as null): a link mistyped on a poster costs no more than a form.
        _forms[slug] = (current, form);
        return form;
    }
}
