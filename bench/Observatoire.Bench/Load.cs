using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// Load clients that wrk cannot play: a fixed-rate (open-loop) GET load for latency percentiles, sequential
/// single-user latency, and the multi-screen survey submission. Each prints one JSON object on its last line.
/// </summary>
static partial class Load
{
    /// <summary>Signs in and prints the cookie header, so that wrk can replay a member's requests.</summary>
    public static async Task<int> CookieAsync(string url, string email, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var form = await client.GetStringAsync("/compte/connexion");
        var token = Token().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Deux", StringComparison.OrdinalIgnoreCase) == true)
        {
            Console.Error.WriteLine($"Connexion de {email} refusée ({(int)response.StatusCode} {response.Headers.Location}).");
            return 1;
        }
        Console.WriteLine(cookies.GetCookieHeader(new Uri(url)));
        return 0;
    }

    /// <summary>
    /// Requests sent on a fixed schedule whatever the server does (like wrk2): the latency of each request is counted
    /// from the moment it should have been sent, so a stalled server shows in the percentiles instead of slowing the client.
    /// </summary>
    public static async Task<int> FixedRateAsync(string url, int rps, int seconds, string cookie, string[] paths)
    {
        using var client = Client(url, cookie);
        var total = rps * seconds;
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var pending = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var interval = 1000.0 / rps;
        for (var i = 0; i < total; i++)
        {
            var due = i * interval;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
            var path = paths[i % paths.Length];
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(clock.Elapsed.TotalMilliseconds - due);
            }));
        }
        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        Print(new
        {
            kind = "rate", target_rps = rps, achieved_rps = Math.Round(total / elapsed, 1), requests = total, errors,
            p50_ms = P(sorted, 50), p90_ms = P(sorted, 90), p99_ms = P(sorted, 99), max_ms = Math.Round(sorted[^1], 1),
        });
        return errors > 0 ? 1 : 0;
    }

    /// <summary>One user, one request after the other: the latency a person sees on an idle portal.</summary>
    public static async Task<int> SequentialAsync(string url, int runs, string cookie, string[] paths)
    {
        using var client = Client(url, cookie);
        // One untimed pass: JIT, first query plans, connection pool.
        foreach (var path in paths.Take(3)) (await client.GetAsync(path)).Dispose();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var path = paths[i % paths.Length];
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} : {(int)response.StatusCode}");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Print(new { kind = "latency", requests = runs, p50_ms = P(times, 50), p95_ms = P(times, 95), max_ms = Math.Round(times[^1], 1) });
        return 0;
    }

    /// <summary>
    /// Anonymous respondents going through every screen (intro, each section, send) with <paramref name="concurrency"/>
    /// at once. Every 10th respondent sends the last screen twice, as a double click or a network retry would:
    /// the portal must still store that response once. Acknowledged = the send was answered with the redirect to "Merci".
    /// </summary>
    public static async Task<int> SurveyAsync(string url, string slug, int count, int concurrency)
    {
        var acknowledged = 0;
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var durations = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(url),
            };
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    if (await RespondAsync(client, slug, n % 10 == 0)) Interlocked.Increment(ref acknowledged);
                    else Interlocked.Increment(ref failures);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                durations.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = durations.Order().ToList();
        Print(new
        {
            kind = "survey", responses = count, concurrency, acknowledged, failures, seconds = Math.Round(elapsed, 1),
            responses_per_s = Math.Round(acknowledged / elapsed, 1), p50_ms = P(sorted, 50), p99_ms = P(sorted, 99),
        });
        return failures > 0 ? 1 : 0;
    }

    private static async Task<bool> RespondAsync(HttpClient client, string slug, bool sendTwice)
    {
        var path = $"/enquetes/{slug}";
        var page = await client.GetStringAsync(path);
        var fields = new List<KeyValuePair<string, string>> { new("action", "suivant") };
        fields.AddRange(Hidden(page));
        for (var screen = 0; screen < 20; screen++)
        {
            var content = new FormUrlEncodedContent(fields);
            var body = await content.ReadAsByteArrayAsync();
            using var response = await client.PostAsync(path, new ByteArrayContent(body) { Headers = { ContentType = content.Headers.ContentType } });
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                if (sendTwice)
                {
                    using var again = await client.PostAsync(path, new ByteArrayContent(body) { Headers = { ContentType = content.Headers.ContentType } });
                    if (again.StatusCode != HttpStatusCode.Redirect) return false;
                }
                return response.Headers.Location?.OriginalString.Contains("merci", StringComparison.OrdinalIgnoreCase) == true;
            }
            if (response.StatusCode != HttpStatusCode.OK) return false;
            page = await response.Content.ReadAsStringAsync();
            fields = [new("action", "suivant"), .. Hidden(page)];
            // Answers the first choice of every question of the screen (radio, checkbox or select).
            foreach (var name in Choice().Matches(page).Select(m => m.Groups[1].Value).Distinct())
                fields.Add(new(name, Choice().Matches(page).First(m => m.Groups[1].Value == name).Groups[2].Value));
        }
        return false;
    }

    /// <summary>
    /// The requests of each page of the answering path, for <c>wrk</c> (bench/wrk-survey.lua): walks the survey once as a
    /// respondent and writes to <paramref name="directory"/> the antiforgery cookie, the body that starts the survey and the
    /// body that sends the last screen. The response key in both is <see cref="KeyPlaceholder"/>, which the wrk script
    /// replaces by a new key on each request: each final send then stores a new response.
    /// </summary>
    public static async Task<int> SurveyBodiesAsync(string url, string slug, string directory)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var path = $"/enquetes/{slug}";
        var page = await client.GetStringAsync(path);
        var start = WithPlaceholderKey([new("action", "suivant"), .. Hidden(page)]);
        using var first = await client.PostAsync(path, new FormUrlEncodedContent(start));
        page = await first.Content.ReadAsStringAsync();
        List<KeyValuePair<string, string>> send = [new("action", "suivant"), .. Hidden(page)];
        foreach (var name in Choice().Matches(page).Select(m => m.Groups[1].Value).Distinct())
            send.Add(new(name, Choice().Matches(page).First(m => m.Groups[1].Value == name).Groups[2].Value));
        using var last = await client.PostAsync(path, new FormUrlEncodedContent(WithPlaceholderKey(send)));
        if (first.StatusCode != HttpStatusCode.OK || last.StatusCode != HttpStatusCode.Redirect)
        {
            Console.Error.WriteLine($"Parcours de l'enquête inattendu : {first.StatusCode}, puis {last.StatusCode}.");
            return 1;
        }
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "cookie"), cookies.GetCookieHeader(new Uri(url)));
        await File.WriteAllTextAsync(Path.Combine(directory, "start.body"), await new FormUrlEncodedContent(start).ReadAsStringAsync());
        await File.WriteAllTextAsync(Path.Combine(directory, "send.body"), await new FormUrlEncodedContent(send).ReadAsStringAsync());
        return 0;
    }

    /// <summary>The key of the response in the bodies written by <see cref="SurveyBodiesAsync"/>.</summary>
    public const string KeyPlaceholder = "00000000-0000-4000-8000-000000000000";

    private static List<KeyValuePair<string, string>> WithPlaceholderKey(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.Select(f => f.Key == "etat" ? new(f.Key, KeyInState().Replace(f.Value, $"\"key\":\"{KeyPlaceholder}\"")) : f).ToList();

    [GeneratedRegex("\"key\":\"[0-9a-f-]{36}\"")]
    private static partial Regex KeyInState();

    /// <summary>The hidden fields of the survey form (token, state, section), HTML-decoded; not the resume form's.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Hidden(string page)
    {
        var at = page.IndexOf("name=\"etat\"", StringComparison.Ordinal);
        var start = page.LastIndexOf("<form", at, StringComparison.Ordinal);
        var end = page.IndexOf("</form>", at, StringComparison.Ordinal);
        foreach (Match input in InputTag().Matches(page[start..end]))
        {
            var tag = input.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.Ordinal)) continue;
            yield return new(Attribute("name").Match(tag).Groups[1].Value, WebUtility.HtmlDecode(Attribute("value").Match(tag).Groups[1].Value));
        }
    }

    private static Regex Attribute(string name) => new($"\\b{name}=\"([^\"]*)\"");

    private static HttpClient Client(string url, string cookie)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60),
        };
        if (cookie != "-") client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static double P(List<double> sorted, int percentile) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);

    private static void Print(object result) => Console.WriteLine(JsonSerializer.Serialize(result));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("<input type=\"(?:radio|checkbox)\" id=\"[^\"]*\" name=\"(q[0-9]+)\" value=\"([0-9]+)\"")]
    private static partial Regex Choice();
}
