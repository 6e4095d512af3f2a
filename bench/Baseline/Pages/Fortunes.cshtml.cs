using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Baseline.Pages;

public class FortunesModel(FortuneDb db) : PageModel
{
    public List<Fortune> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.Fortunes.AsNoTracking().ToListAsync(ct);
        Rows.Add(new Fortune { Id = 0, Message = "Additional fortune added at request time." });
        Rows.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
    }
}
