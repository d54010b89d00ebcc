using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NCrontab;
using NewsMonitor.Monitoring;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon watch [--schedule NCRONTAB] [run options]</c>: a monitoring cycle on the schedule the timer
/// function uses, until Ctrl+C (or <c>--cycles N</c>). A failed cycle is reported and the watch goes on.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new CycleOptions();
        var schedule = new Option<string?>("--schedule") { Description = $"NCRONTAB with seconds, UTC (default: {NewsMonitorSettings.Schedule} or {NewsMonitorSettings.DefaultSchedule})" };
        var cycles = new Option<int?>("--cycles") { Description = "Stop after this many cycles (default: until Ctrl+C)" };
        var command = new Command("watch", "Run monitoring cycles on a schedule until stopped") { schedule, cycles };
        options.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var settings = options.Settings(parse);
            if (parse.GetValue(schedule) is { } expression) settings[NewsMonitorSettings.Schedule] = expression;
            if (parse.GetValue(cycles) is < 1) throw new UsageException("--cycles must be at least 1");
            using var host = CliHost.Build(settings, error);
            IOptions<NewsMonitorOptions> configured;
            try
            {
                configured = host.Services.GetRequiredService<IOptions<NewsMonitorOptions>>();
                _ = configured.Value;
            }
            catch (OptionsValidationException e)
            {
                throw new UsageException(e.Message);
            }
            var crontab = CrontabSchedule.Parse(configured.Value.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
            var time = host.Services.GetRequiredService<TimeProvider>();
            var remaining = parse.GetValue(cycles) ?? int.MaxValue;
            try
            {
                while (remaining-- > 0)
                {
                    var now = time.GetUtcNow();
                    var next = new DateTimeOffset(crontab.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
                    await error.WriteLineAsync($"next cycle at {next:u} ({configured.Value.Schedule})").ConfigureAwait(false);
                    await Task.Delay(next - now, time, token).ConfigureAwait(false);
                    try
                    {
                        await RunCommand.RunCycleAsync(host, output, error, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not UsageException)
                    {
                        // One bad cycle (storage down, say) must not end the watch.
                        await error.WriteLineAsync($"newsmon: cycle failed: {e.Message}").ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                await error.WriteLineAsync("stopped").ConfigureAwait(false);
            }
            return NewsMonCli.Success;
        });
        return command;
    }
}
