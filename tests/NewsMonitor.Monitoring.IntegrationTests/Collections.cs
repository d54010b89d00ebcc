namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>One Azurite for every test that needs Azure storage in this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteFixtureGroup : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}

/// <summary>A fresh folder per test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("newsmonitor-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
