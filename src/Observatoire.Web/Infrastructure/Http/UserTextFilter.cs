using Microsoft.AspNetCore.Mvc.Filters;

namespace Observatoire.Web.Infrastructure;

/// <summary>
/// Applies <see cref="UserText"/> to every field of every posted form, on every page, after model binding and before
/// the handler: a value it refuses becomes a model error under the field's own name, so the page's
/// <c>asp-validation-for</c> shows the message next to the field and the handler's <c>ModelState.IsValid</c> check
/// sends the form back with what was typed. A new form is covered without anyone remembering it. A NUL character,
/// which the form reader cannot carry, was removed by <see cref="FormNulCharacters"/>, which says in which field.
/// </summary>
public sealed class UserTextFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            var removed = FormNulCharacters.Removed(context.HttpContext);
            foreach (var (name, values) in form)
                foreach (var value in values)
                    if ((removed.GetValueOrDefault(name) ?? UserText.Problem(value)) is { } message)
                    {
                        // First among the field's messages: it names the character, where « adresse non valide » would not.
                        context.ModelState.AddModelError(name, message);
                        var errors = context.ModelState[name]!.Errors;
                        var added = errors[^1];
                        errors.RemoveAt(errors.Count - 1);
                        errors.Insert(0, added);
                        break;
                    }
        }
        await next();
    }
}
