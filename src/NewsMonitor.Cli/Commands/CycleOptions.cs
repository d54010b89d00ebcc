using System.CommandLine;
using NewsMonitor.Monitoring;

namespace NewsMonitor.Cli.Commands;

/// <summary>The options of a monitoring cycle, shared by <c>run</c> and <c>watch</c>.</summary>
internal sealed class CycleOptions
{
    private readonly Option<string[]> _sources = new("--source") { Description = "A feed (RSS/Atom/RDF), sitemap, listing page or URL list; repeat for several", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _sourcesFile = new("--sources") { Description = "A sources file (JSON) with per-source options" };
    private readonly Option<string[]> _speakers = new("--watch-speaker") { Description = "Alert on statements by this speaker; repeatable" };
    private readonly Option<string[]> _keywords = new("--watch-keyword") { Description = "Alert on statements containing this word; repeatable" };
    private readonly Option<string?> _rulesFile = new("--rules") { Description = "A rules file (JSON): watch rules and alert channels (webhook, Slack, Teams, queue)" };
    private readonly Option<string?> _webhook = new("--alert-webhook") { Description = "POST each alert as JSON to this URL" };
    private readonly Option<bool> _allowPrivate = new("--allow-private-network") { Description = "Allow sources and articles on loopback or private addresses" };
    private readonly StoreOptions _store = new();

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_sources, _sourcesFile, _rulesFile, _speakers, _keywords, _webhook, _allowPrivate]) command.Options.Add(option);
        _store.AddTo(command);
    }

    /// <summary>The settings the options stand for; bad values are usage errors.</summary>
    public Dictionary<string, string?> Settings(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>();
        _store.Apply(parse, settings);
        var sources = parse.GetValue(_sources) ?? [];
        foreach (var source in sources)
            if (!UrlKeys.TryParseHttpUrl(source, out _)) throw new UsageException($"--source '{source}' is not an http(s) URL");
        if (sources.Length > 0) settings[NewsMonitorSettings.Sources] = string.Join('\n', sources);
        if (parse.GetValue(_sourcesFile) is { } file)
        {
            if (!File.Exists(file)) throw new UsageException($"--sources {file}: no such file");
            settings[NewsMonitorSettings.SourcesFile] = Path.GetFullPath(file);
        }
        if (parse.GetValue(_rulesFile) is { } rules)
        {
            if (!File.Exists(rules)) throw new UsageException($"--rules {rules}: no such file");
            settings[NewsMonitorSettings.RulesFile] = Path.GetFullPath(rules);
        }
        if (parse.GetValue(_speakers) is { Length: > 0 } s) settings[NewsMonitorSettings.WatchSpeakers] = string.Join('\n', s);
        if (parse.GetValue(_keywords) is { Length: > 0 } k) settings[NewsMonitorSettings.WatchKeywords] = string.Join('\n', k);
        if (parse.GetValue(_webhook) is { } hook)
        {
            if (!UrlKeys.TryParseHttpUrl(hook, out _)) throw new UsageException($"--alert-webhook '{hook}' is not an http(s) URL");
            settings[NewsMonitorSettings.AlertWebhook] = hook;
        }
        if (parse.GetValue(_allowPrivate)) settings[NewsMonitorSettings.AllowPrivateNetwork] = "true";
        return settings;
    }
}
