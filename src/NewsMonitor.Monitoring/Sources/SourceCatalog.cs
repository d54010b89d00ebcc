using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Sources;

/// <summary>
/// The sources to watch: URLs from the settings (<c>NEWSMONITOR_SOURCES</c>, <c>--source</c>), a local
/// sources file (<c>--sources FILE</c>), and the sources file in the store (<c>config/sources.json</c>,
/// which is how the Functions app is given one). The first definition of a URL wins.
/// </summary>
public sealed class SourceCatalog(IOptions<NewsMonitorOptions> options, IBlobStore blobs)
{
    public async Task<IReadOnlyList<SourceDefinition>> GetAsync(CancellationToken cancellationToken = default)
    {
        var definitions = new List<SourceDefinition>();
        if (options.Value.SourcesFile is { Length: > 0 } path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"Sources file {path} does not exist ({NewsMonitorSettings.SourcesFile}).", path);
            definitions.AddRange(SourcesFile.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
        }
        foreach (var source in options.Value.Sources)
            if (UrlKeys.TryParseHttpUrl(source, out var url)) definitions.Add(new SourceDefinition(url));
        var stored = await blobs.GetAsync(StoreLayout.ConfigContainer, StoreLayout.SourcesFileName, cancellationToken).ConfigureAwait(false);
        if (stored is not null) definitions.AddRange(SourcesFile.Parse(stored.Content.ToString()));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return definitions.Where(d => seen.Add(UrlKeys.KeyOf(d.Url))).ToList();
    }

    /// <summary>The definition of a source by URL, or plain defaults when it is not (or no longer) configured.</summary>
    public async Task<SourceDefinition> FindAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var key = UrlKeys.KeyOf(url);
        return (await GetAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(d => UrlKeys.KeyOf(d.Url) == key) ?? new SourceDefinition(url);
    }
}
