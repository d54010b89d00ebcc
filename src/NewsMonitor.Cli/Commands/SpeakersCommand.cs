using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>newsmon speakers [--q NAME] [--limit N] [--json]</c>: speakers with statement counts, as <c>GET /api/speakers</c>.</summary>
internal static class SpeakersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var q = new Option<string?>("--q") { Description = "Speakers whose names contain these words" };
        var limit = new Option<int>("--limit") { Description = $"At most this many (1-{StatementQuery.MaxLimit})", DefaultValueFactory = _ => StatementQuery.DefaultLimit };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's answer) instead of text" };
        var store = new StoreOptions();
        var command = new Command("speakers", "List speakers with how many statements each has, most quoted first") { q, limit, json };
        store.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var max = parse.GetValue(limit);
            if (max is < 1 or > StatementQuery.MaxLimit) throw new UsageException($"--limit: {max} is not a number from 1 to {StatementQuery.MaxLimit}.");
            var settings = new Dictionary<string, string?>();
            store.Apply(parse, settings);
            using var host = CliHost.Build(settings, error);
            var speakers = await host.Services.GetRequiredService<SpeakerDirectory>().ListAsync(parse.GetValue(q), max, token).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { count = speakers.Count, speakers }, NewsMonitorJson.Indented)).ConfigureAwait(false);
                return NewsMonCli.Success;
            }
            foreach (var speaker in speakers)
            {
                var role = speaker.Roles.OrderByDescending(r => r.LastSeenAt).FirstOrDefault();
                var described = role is null ? "" : ", " + string.Join(", ", new[] { role.Role, role.Organization }.Where(x => x is not null).Distinct());
                var seen = speaker.LastSeenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await output.WriteLineAsync($"{speaker.Statements,5}  {speaker.Name}{described}  (last seen {seen})").ConfigureAwait(false);
            }
            await error.WriteLineAsync($"{speakers.Count} speakers").ConfigureAwait(false);
            return NewsMonCli.Success;
        });
        return command;
    }
}
