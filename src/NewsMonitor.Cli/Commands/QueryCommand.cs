using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>newsmon query [--speaker NAME] [--q TEXT] [--since DATE] [--json]</c>: stored statements, newest first.</summary>
internal static class QueryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var speaker = new Option<string?>("--speaker") { Description = "Statements by this speaker (words of the name)" };
        var text = new Option<string?>("--q") { Description = "Statements containing these words" };
        var since = new Option<string?>("--since") { Description = "Published at or after this date (ISO 8601)" };
        var limit = new Option<string?>("--limit") { Description = $"At most this many (1-{StatementQuery.MaxLimit}, default 100)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var store = new StoreOptions();
        var command = new Command("query", "Query stored statements") { speaker, text, since, limit, json };
        store.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            if (!StatementQuery.TryParse(parse.GetValue(speaker), parse.GetValue(text), parse.GetValue(since), parse.GetValue(limit), out var query, out var errors))
                throw new UsageException(string.Join("; ", errors.Select(e => $"--{e.Key}: {string.Join(" ", e.Value)}")));
            var settings = new Dictionary<string, string?>();
            store.Apply(parse, settings);
            using var host = CliHost.Build(settings, error);
            var hits = await host.Services.GetRequiredService<StatementSearch>().SearchAsync(query, token).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { count = hits.Count, statements = hits }, NewsMonitorJson.Indented)).ConfigureAwait(false);
            }
            else
            {
                foreach (var hit in hits) await output.WriteLineAsync(Format(hit)).ConfigureAwait(false);
                await error.WriteLineAsync($"{hits.Count} statements").ConfigureAwait(false);
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
        return $"{when}  {who} — {hit.Cue ?? "?"} [{hit.Kind}, {hit.Confidence:0.00}]\n    “{hit.Text}”\n    {hit.Title} <{hit.Url}>";
    }
}
