using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon demo</c>: the whole pipeline, offline. Serves a sample news site on 127.0.0.1, runs one
/// monitoring cycle against it with a watch rule, then prints the statements found, each once with the
/// number of outlets that carried it.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var store = new Option<string?>("--store") { Description = "Folder to store in (default: a new temporary folder)" };
        var port = new Option<int>("--port") { Description = "Port for the sample site on 127.0.0.1 (default: any free port)" };
        var speaker = new Option<string>("--watch-speaker") { Description = "Speaker to alert on", DefaultValueFactory = _ => "Sun Weimin" };
        var command = new Command("demo", "Monitor a bundled sample news site on 127.0.0.1 and print the key statements found") { store, port, speaker };
        command.SetAction(async (parse, token) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535) throw new UsageException($"--port {portValue} is not a port number");
            var directory = parse.GetValue(store) ?? Path.Combine(Path.GetTempPath(), "newsmonitor-demo-" + Guid.NewGuid().ToString("N")[..8]);
            await using var site = await SampleSite.StartAsync(portValue, token).ConfigureAwait(false);
            await error.WriteLineAsync($"sample site: {site.BaseUrl} (feed {site.FeedUrl})").ConfigureAwait(false);
            await error.WriteLineAsync($"store: {Path.GetFullPath(directory)}").ConfigureAwait(false);

            var settings = new Dictionary<string, string?>
            {
                [NewsMonitorSettings.StoreDirectory] = directory,
                [NewsMonitorSettings.Sources] = site.FeedUrl.AbsoluteUri,
                [NewsMonitorSettings.WatchSpeakers] = parse.GetValue(speaker),
                [NewsMonitorSettings.AllowPrivateNetwork] = "true", // the sample site is on loopback, on purpose
                ["NewsMonitor:Fetch:MinIntervalPerHost"] = "00:00:00",
            };
            var status = await RunCommand.RunCycleAsync(settings, output, error, token).ConfigureAwait(false);
            if (status != NewsMonCli.Success) return status;

            using var host = CliHost.Build(settings, error);
            var page = await host.Services.GetRequiredService<StatementSearch>().SearchAsync(new StatementQuery(Limit: StatementQuery.MaxLimit), token).ConfigureAwait(false);
            var statements = page.Statements.OrderBy(h => h.Start).ToList();
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"{statements.Count} key statements, each reported by {string.Join("/", statements.Select(h => h.Sources.Count).Distinct())} outlets and stored once:").ConfigureAwait(false);
            foreach (var hit in statements)
                await output.WriteLineAsync(QueryCommand.Format(hit).Split('\n')[0..2].Aggregate((a, b) => a + "\n" + b)).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Query the store: newsmon query --store {directory} --speaker \"{parse.GetValue(speaker)}\"").ConfigureAwait(false);
            return NewsMonCli.Success;
        });
        return command;
    }
}
