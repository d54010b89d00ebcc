using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Fetching;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon extract &lt;path-or-url&gt;... [--url URL] [--jsonl]</c>: prints each input's article with its
/// statements. Inputs are processed one at a time and written as they finish, so a folder of thousands
/// of pages is never held in memory; a bad input is reported and the run goes on.
/// </summary>
internal static class ExtractCommand
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".txt"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "HTML or .txt files, folders of them, or http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var url = new Option<string?>("--url") { Description = "The page's URL, for resolving links and dates (file inputs)" };
        var jsonl = new Option<bool>("--jsonl") { Description = "One compact JSON object per input per line, with a 'source' field" };
        var allowPrivate = new Option<bool>("--allow-private-network") { Description = "Allow URL inputs on loopback or private addresses" };
        inputs.Validators.Add(result =>
        {
            // An unknown option would otherwise be read as a file name.
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-')) result.AddError($"unknown option '{token.Value}'");
        });
        var command = new Command("extract", "Extract the article and its key statements from pages") { inputs, url, jsonl, allowPrivate };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(inputs)!, parse.GetValue(url), parse.GetValue(jsonl), parse.GetValue(allowPrivate), output, error, token));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string? url, bool jsonl, bool allowPrivate, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (url is not null && !UrlKeys.TryParseHttpUrl(url, out _)) throw new UsageException($"--url '{url}' is not an http(s) URL");
        var articles = new ArticleExtractor();
        var statements = new StatementExtractor();
        IHost? host = null; // only URL inputs need the fetcher
        var failures = 0;
        var count = 0;
        try
        {
            if (!jsonl && inputs.Length == 1 && File.Exists(inputs[0]) || !jsonl && inputs.Length == 1 && IsUrl(inputs[0]))
            {
                var single = await ExtractOneAsync(inputs[0], url, articles, statements, () => host ??= FetchHost(allowPrivate, error), cancellationToken).ConfigureAwait(false);
                if (single.Error is not null)
                {
                    await error.WriteLineAsync($"newsmon: {inputs[0]}: {single.Error}").ConfigureAwait(false);
                    return NewsMonCli.Failure;
                }
                await output.WriteLineAsync(JsonSerializer.Serialize(single.Article, NewsMonitorJson.Indented)).ConfigureAwait(false);
                return NewsMonCli.Success;
            }

            if (!jsonl) await output.WriteLineAsync("[").ConfigureAwait(false);
            foreach (var input in Expand(inputs))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await ExtractOneAsync(input, url, articles, statements, () => host ??= FetchHost(allowPrivate, error), cancellationToken).ConfigureAwait(false);
                if (result.Error is not null) failures++;
                if (jsonl)
                {
                    var line = result.Error is null
                        ? WithSource(input, result.Article!)
                        : new JsonObject { ["source"] = input, ["error"] = result.Error };
                    await output.WriteLineAsync(line.ToJsonString(NewsMonitorJson.Options)).ConfigureAwait(false);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (result.Error is not null)
                {
                    await error.WriteLineAsync($"newsmon: {input}: {result.Error}").ConfigureAwait(false);
                }
                else
                {
                    if (count > 0) await output.WriteLineAsync(",").ConfigureAwait(false);
                    await output.WriteAsync(WithSource(input, result.Article!).ToJsonString(NewsMonitorJson.Indented)).ConfigureAwait(false);
                    count++;
                }
            }
            if (!jsonl) await output.WriteLineAsync(count > 0 ? "\n]" : "]").ConfigureAwait(false);
            return failures == 0 ? NewsMonCli.Success : NewsMonCli.Failure;
        }
        finally
        {
            host?.Dispose();
        }
    }

    private sealed record Extracted(Article? Article, string? Error);

    private static async Task<Extracted> ExtractOneAsync(string input, string? url, ArticleExtractor articles, StatementExtractor statements, Func<IHost> host, CancellationToken cancellationToken)
    {
        try
        {
            Article article;
            if (IsUrl(input))
            {
                if (!UrlKeys.TryParseHttpUrl(input, out var address)) return new Extracted(null, "not a valid http(s) URL");
                var fetched = await host().Services.GetRequiredService<PageFetcher>().FetchAsync(address, FetchPurpose.Article, null, cancellationToken).ConfigureAwait(false);
                if (fetched.Page is null) return new Extracted(null, fetched.Reason ?? fetched.Outcome.ToString());
                var result = articles.Extract(fetched.Page.Body, fetched.Page.ContentType, fetched.Page.FinalUrl.AbsoluteUri);
                if (!result.IsSuccess) return new Extracted(null, result.Reason);
                article = result.Article!;
            }
            else if (input.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                article = Article.FromPlainText(await File.ReadAllTextAsync(input, cancellationToken).ConfigureAwait(false), url);
            }
            else
            {
                var info = new FileInfo(input);
                if (!info.Exists) return new Extracted(null, "no such file");
                if (info.Length > 64L * 1024 * 1024) return new Extracted(null, $"the file is {info.Length:N0} bytes; pages over 64 MB are refused");
                var bytes = await File.ReadAllBytesAsync(input, cancellationToken).ConfigureAwait(false);
                var result = articles.Extract(bytes, null, url);
                if (!result.IsSuccess) return new Extracted(null, result.Reason);
                article = result.Article!;
            }
            return new Extracted(article with { Statements = statements.Extract(article) }, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return new Extracted(null, e.Message);
        }
    }

    private static JsonObject WithSource(string input, Article article)
    {
        var node = JsonSerializer.SerializeToNode(article, NewsMonitorJson.Options)!.AsObject();
        node.Insert(0, "source", input);
        return node;
    }

    private static bool IsUrl(string input) => input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Inputs in order, folders expanded lazily to their .html, .htm and .txt files (sorted by path).</summary>
    private static IEnumerable<string> Expand(string[] inputs)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files) yield return file;
            }
            else
            {
                yield return input;
            }
        }
    }

    private static IHost FetchHost(bool allowPrivate, TextWriter error) =>
        CliHost.Build(new Dictionary<string, string?>
        {
            [NewsMonitorSettings.AllowPrivateNetwork] = allowPrivate ? "true" : "false",
            [NewsMonitorSettings.StoreDirectory] = CliHost.DefaultStoreDirectory,
        }, error);
}
