using System.Text.Json;

namespace NewsMonitor.Extraction.Tests;

/// <summary>The seed article's pages and its expected title and paragraphs (samples/seed-site).</summary>
internal static class SeedSite
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "SeedSite", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static (string Title, string[] Paragraphs) Expected()
    {
        using var json = JsonDocument.Parse(Text("white-paper.expected.json"));
        var title = json.RootElement.GetProperty("title").GetString()!;
        var paragraphs = json.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToArray();
        return (title, paragraphs);
    }

    public const string FollowLine = "join the conversation";
    public const string LeaveAComment = "Leave a Comment";
}
