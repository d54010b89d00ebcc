using System.Text.Json;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Functions.Tests;

/// <summary>What the Functions host will read: functions.metadata and host.json in the build output.</summary>
public sealed class FunctionsMetadataTests
{
    private static JsonElement Function(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsApp.OutputFolder, "functions.metadata")));
        return document.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

    private static JsonElement Trigger(string name) =>
        Function(name).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void The_timer_runs_on_the_schedule_setting()
    {
        var trigger = Trigger(nameof(ScheduleSourcePolls));
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal($"%{NewsMonitorSettings.Schedule}%", trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData(nameof(PollSource), QueueNames.PollSource)]
    [InlineData(nameof(ProcessArticle), QueueNames.ProcessArticle)]
    public void Queue_functions_listen_on_the_monitoring_queues(string function, string queue)
    {
        var trigger = Trigger(function);
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
    }

    [Theory]
    [InlineData(nameof(GetStatements), "statements")]
    [InlineData(nameof(GetStatement), "statements/{id}")]
    [InlineData(nameof(GetArticle), "articles/{id}")]
    [InlineData(nameof(GetSpeakers), "speakers")]
    public void The_read_api_is_gets_with_a_function_key(string function, string route)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void The_index_is_compacted_every_fifteen_minutes_between_polls()
    {
        var trigger = Trigger(nameof(CompactStatementIndex));
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 7,22,37,52 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_lists_exactly_the_app_functions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsApp.OutputFolder, "functions.metadata")));
        Assert.Equal(
            [nameof(CompactStatementIndex), nameof(GetArticle), nameof(GetSpeakers), nameof(GetStatement), nameof(GetStatements), nameof(PollSource), nameof(ProcessArticle), nameof(ScheduleSourcePolls)],
            document.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Host_json_from_the_repository_root_is_in_the_output()
    {
        var copied = Path.Combine(FunctionsApp.OutputFolder, "host.json");
        Assert.True(File.Exists(copied), $"{copied} is missing");
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), File.ReadAllText(copied));
        using var hostJson = JsonDocument.Parse(File.ReadAllText(copied));
        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Equal("base64", hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void Local_settings_default_the_schedule_to_every_fifteen_minutes()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "NewsMonitor.Functions", "local.settings.json")));
        Assert.Equal(NewsMonitorSettings.DefaultSchedule, settings.RootElement.GetProperty("Values").GetProperty(NewsMonitorSettings.Schedule).GetString());
        Assert.Equal("0 */15 * * * *", NewsMonitorSettings.DefaultSchedule);
    }
}
