using System.Text;
using System.Text.Json;

namespace NewsMonitor.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsmon-extract-").FullName;

    [Fact]
    public async Task Extract_prints_the_article_json_with_its_statements()
    {
        var result = await Cli.RunAsync("extract", RepositoryPaths.SeedSite("observer-wordpress.html"), "--url", "https://apobserver.example/2022/11/07/white-paper/");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var article = json.RootElement;
        foreach (var field in (string[])["url", "canonicalUrl", "title", "byline", "publishedAt", "language", "paragraphs", "text", "statements"])
            Assert.True(article.TryGetProperty(field, out _), $"missing field {field}");
        Assert.Equal("China publishes white paper explaining its vision for the Internet", article.GetProperty("title").GetString());
        Assert.Equal("2022-11-07T09:30:00+08:00", article.GetProperty("publishedAt").GetString());
        Assert.Equal(11, article.GetProperty("paragraphs").GetArrayLength());
        var text = article.GetProperty("text").GetString()!;
        var statement = article.GetProperty("statements").EnumerateArray().First(s => s.GetProperty("cue").GetString() == "added");
        Assert.Equal("direct", statement.GetProperty("kind").GetString());
        Assert.Equal("Sun Weimin", statement.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("she", statement.GetProperty("speaker").GetProperty("mention").GetString());
        var (start, end) = (statement.GetProperty("start").GetInt32(), statement.GetProperty("end").GetInt32());
        Assert.Equal(statement.GetProperty("text").GetString(), text[start..end]);
        Assert.InRange(statement.GetProperty("confidence").GetDouble(), 0.5, 1.0);
    }

    [Fact]
    public async Task Jsonl_over_a_folder_streams_one_line_per_input_and_reports_a_bad_input_on_its_line()
    {
        foreach (var name in (string[])["observer-wordpress.html", "ledger-newsroom.html", "white-paper.txt"])
            File.Copy(RepositoryPaths.SeedSite(name), Path.Combine(_folder, name));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "binary.htm"), [0x00, 0x01, 0x02, 0xFF, 0x00]);
        await File.WriteAllTextAsync(Path.Combine(_folder, "menu.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.md"), "not a page");

        var result = await Cli.RunAsync("extract", _folder, "--jsonl");

        Assert.Equal(1, result.ExitCode); // some inputs failed
        var lines = result.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["binary.htm", "ledger-newsroom.html", "menu.html", "observer-wordpress.html", "white-paper.txt"],
            lines.Select(l => Path.GetFileName(l.GetProperty("source").GetString())));
        Assert.Contains("binary", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("no main content", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(11, lines[1].GetProperty("paragraphs").GetArrayLength());
        Assert.True(lines[3].GetProperty("statements").GetArrayLength() >= 7);
    }

    [Fact]
    public async Task A_text_input_keeps_its_text_with_normalised_newlines_and_offsets_into_it()
    {
        var path = Path.Combine(_folder, "crlf.txt");
        await File.WriteAllTextAsync(path, "Minister speaks\r\n\r\n“We will not raise taxes,” said Jane Doe, the finance minister.\r\n", Encoding.UTF8);

        var result = await Cli.RunAsync("extract", path, "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var article = JsonDocument.Parse(Assert.Single(result.OutputLines)).RootElement;
        var text = article.GetProperty("text").GetString()!;
        Assert.Equal("Minister speaks\n\n“We will not raise taxes,” said Jane Doe, the finance minister.\n", text);
        Assert.Equal(["Minister speaks", "“We will not raise taxes,” said Jane Doe, the finance minister."], article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        var statement = Assert.Single(article.GetProperty("statements").EnumerateArray());
        Assert.Equal("We will not raise taxes", text[statement.GetProperty("start").GetInt32()..statement.GetProperty("end").GetInt32()]);
        Assert.Equal("Jane Doe", statement.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("the finance minister", statement.GetProperty("speaker").GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_missing_file_is_an_error_without_a_stack_trace()
    {
        var result = await Cli.RunAsync("extract", Path.Combine(_folder, "nope.html"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
