using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon query [--speaker NAME] [--organization ORG] [--q TEXT] [--since DATE] [--until DATE] [--host HOST]
/// [--kind KIND] [--min-confidence X] [--limit N] [--continuation TOKEN] [--json]</c>: stored statements,
/// newest first, with the same filters and answers as <c>GET /api/statements</c>.
/// </summary>
internal static class QueryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        // Option per API parameter, so a query moves between the CLI and the API unchanged.
        var options = new Dictionary<string, Option<string?>>(StringComparer.Ordinal)
        {
            ["speaker"] = new("--speaker") { Description = "Statements by this speaker (words of the name)" },
            ["organization"] = new("--organization") { Description = "Speakers of this organisation (words of organisation or role)" },
            ["q"] = new("--q") { Description = "Statements containing these words" },
            ["since"] = new("--since") { Description = "Made public at or after this date (ISO 8601)" },
            ["until"] = new("--until") { Description = "Made public at or before this date (a date alone means the whole day)" },
            ["host"] = new("--host") { Description = "Reported by this outlet (host name, for example example.com)" },
            ["kind"] = new("--kind") { Description = "direct, mixed or indirect" },
            ["minConfidence"] = new("--min-confidence") { Description = "Only statements at or above this confidence (0-1)" },
            ["limit"] = new("--limit") { Description = $"At most this many (1-{StatementQuery.MaxLimit}, default {StatementQuery.DefaultLimit})" },
            ["continuation"] = new("--continuation") { Description = "Continue after the previous page (the token it printed)" },
        };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's answer) instead of text" };
        var store = new StoreOptions();
        var command = new Command("query", "Query stored statements, newest first");
        foreach (var option in options.Values) command.Options.Add(option);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            if (!StatementQuery.TryParse(name => parse.GetValue(options[name]), out var query, out var errors))
                throw new UsageException(string.Join("; ", errors.Select(e => $"{options[e.Key].Name}: {string.Join(" ", e.Value)}")));
            var settings = new Dictionary<string, string?>();
            store.Apply(parse, settings);
            using var host = CliHost.Build(settings, error);
            var page = await host.Services.GetRequiredService<StatementSearch>().SearchAsync(query, token).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { count = page.Statements.Count, statements = page.Statements, continuation = page.Continuation }, NewsMonitorJson.Indented)).ConfigureAwait(false);
            }
            else
            {
                foreach (var hit in page.Statements) await output.WriteLineAsync(Format(hit)).ConfigureAwait(false);
                await error.WriteLineAsync($"{page.Statements.Count} statements").ConfigureAwait(false);
                if (page.Continuation is { } next) await error.WriteLineAsync($"more: --continuation {next}").ConfigureAwait(false);
            }
            return NewsMonCli.Success;
        });
        return command;
    }

    private static bool IsPronoun(string mention) => mention.ToLowerInvariant() is "he" or "she" or "they" or "it" or "i" or "we";

    internal static string Format(StatementHit hit)
    {
        var who = hit.Speaker is null ? "(unattributed)"
            : hit.Speaker.Name is null ? (IsPronoun(hit.Speaker.Mention) ? $"({hit.Speaker.Mention}, unresolved)" : hit.Speaker.Mention)
            : hit.Speaker.Role is null ? hit.Speaker.Name : $"{hit.Speaker.Name}, {hit.Speaker.Role}";
        var when = (hit.PublishedAt ?? hit.FetchedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var others = hit.Sources.Count > 1 ? $" (+{hit.Sources.Count - 1} more: {string.Join(", ", hit.Sources.Skip(1).Select(s => s.SiteName ?? s.Host).Distinct())})" : "";
        return $"{when}  {who} — {hit.Cue ?? "?"} [{hit.Kind}, {hit.Confidence:0.00}]\n    “{hit.Text}”\n    {hit.Title} <{hit.Url}>{others}";
    }
}
