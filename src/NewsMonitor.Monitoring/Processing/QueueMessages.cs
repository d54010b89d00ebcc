using System.Text.Json;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>The queues of the monitoring fan-out. Messages name work (a URL); they never carry it.</summary>
public static class QueueNames
{
    public const string PollSource = "newsmonitor-poll-source";
    public const string ProcessArticle = "newsmonitor-process-article";
}

/// <summary>"Poll this source."</summary>
public sealed record SourcePollMessage(string SourceUrl);

/// <summary>"Process this article, found on that source" — or, with <paramref name="UpdatedAt"/>, "fetch this stored article again: its source says it changed then".</summary>
public sealed record ArticleMessage(string Url, string? SourceUrl, DateTimeOffset? UpdatedAt = null);

/// <summary>Parses queue message bodies, with an error that says what is wrong (the message then goes to the poison queue).</summary>
public static class QueueMessages
{
    public static T Parse<T>(string body) where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(body, NewsMonitorJson.Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Queue message is not a valid {typeof(T).Name}: {e.Message}", e);
        }
        return message ?? throw new FormatException($"Queue message is empty; expected a {typeof(T).Name}.");
    }

    public static Uri RequireUrl(string? value, string field) =>
        UrlKeys.TryParseHttpUrl(value, out var url) ? url : throw new FormatException($"Queue message field '{field}' is not an http(s) URL: '{value}'.");

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, NewsMonitorJson.Options);
}
