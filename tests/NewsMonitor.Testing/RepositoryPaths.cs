namespace NewsMonitor.Testing;

/// <summary>Locates the repository checkout the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding NewsMonitor.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Cannot find NewsMonitor.sln above {AppContext.BaseDirectory}.");
    }

    public static string SeedSite(string name) => Path.Combine(AppContext.BaseDirectory, "SeedSite", name);
}
