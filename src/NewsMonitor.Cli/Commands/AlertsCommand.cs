using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Alerts;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon alerts --failed [--json]</c>: the alerts some channel gave up on, with why;
/// <c>newsmon alerts --retry [--rules FILE]</c>: deliver their failed channels again.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var failed = new Option<bool>("--failed") { Description = "List alerts whose delivery failed (the dead-letter records)" };
        var retry = new Option<bool>("--retry") { Description = "Deliver the failed alerts again, to the channels that failed" };
        var rules = new Option<string?>("--rules") { Description = "The rules file that defines the channels (for --retry)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var store = new StoreOptions();
        var command = new Command("alerts", "Inspect and retry alert deliveries") { failed, retry, rules, json };
        store.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(failed) == parse.GetValue(retry)) throw new UsageException("use one of --failed or --retry");
            var settings = new Dictionary<string, string?>();
            store.Apply(parse, settings);
            if (parse.GetValue(rules) is { } file)
            {
                if (!File.Exists(file)) throw new UsageException($"--rules {file}: no such file");
                settings[NewsMonitorSettings.RulesFile] = Path.GetFullPath(file);
            }
            using var host = CliHost.Build(settings, error);
            var sender = host.Services.GetRequiredService<AlertSender>();
            if (parse.GetValue(retry))
            {
                var summary = await sender.RetryFailedAsync(token).ConfigureAwait(false);
                await output.WriteLineAsync($"retried {summary.Retried}: {summary.Delivered} delivered, {summary.StillFailed} still failing").ConfigureAwait(false);
                return summary.StillFailed == 0 ? NewsMonCli.Success : NewsMonCli.Failure;
            }
            var records = new List<AlertRecord>();
            await foreach (var record in sender.ListFailedAsync(token).ConfigureAwait(false)) records.Add(record);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { count = records.Count, alerts = records }, NewsMonitorJson.Indented)).ConfigureAwait(false);
                return NewsMonCli.Success;
            }
            foreach (var record in records)
            {
                var when = record.Message.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                await output.WriteLineAsync($"{when}  {record.Message.Id}  {AlertDispatcher.Headline(record.Message)}: “{record.Message.Statement.Text}”").ConfigureAwait(false);
                foreach (var delivery in record.Deliveries.Where(d => d.Status == AlertDeliveryStatus.Failed))
                    await output.WriteLineAsync($"    {delivery.Channel} ({delivery.Type.ToString().ToLowerInvariant()}): {delivery.Attempts} attempts, {delivery.Error}").ConfigureAwait(false);
            }
            await error.WriteLineAsync($"{records.Count} failed alerts").ConfigureAwait(false);
            return NewsMonCli.Success;
        });
        return command;
    }
}
