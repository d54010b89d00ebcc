using Azure.Storage.Blobs;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>The one contract both stores keep. Each test runs against the local folder and against Azurite.</summary>
public abstract class BlobStoreContractTests
{
    protected abstract IBlobStore Store { get; }

    private static BinaryData Text(string value) => BinaryData.FromString(value);

    private static string Unique(string prefix) => $"{prefix}/{Guid.NewGuid():N}.json";

    [Fact]
    public async Task Try_create_writes_once_and_leaves_the_first_content()
    {
        var name = Unique("create");
        Assert.True(await Store.TryCreateAsync("articles", name, Text("first"), "application/json"));
        Assert.False(await Store.TryCreateAsync("articles", name, Text("second"), "application/json"));
        var blob = await Store.GetAsync("articles", name);
        Assert.Equal("first", blob!.Content.ToString());
    }

    [Fact]
    public async Task Put_replaces_and_get_returns_the_latest_content()
    {
        var name = Unique("put");
        await Store.PutAsync("state", name, Text("one"), "application/json");
        await Store.PutAsync("state", name, Text("two"), "application/json");
        Assert.Equal("two", (await Store.GetAsync("state", name))!.Content.ToString());
    }

    [Fact]
    public async Task Try_replace_needs_the_current_etag()
    {
        var name = Unique("etag");
        await Store.PutAsync("state", name, Text("v1"), "application/json");
        var v1 = await Store.GetAsync("state", name);
        Assert.True(await Store.TryReplaceAsync("state", name, Text("v2"), "application/json", v1!.ETag));
        Assert.False(await Store.TryReplaceAsync("state", name, Text("v3"), "application/json", v1.ETag));
        Assert.Equal("v2", (await Store.GetAsync("state", name))!.Content.ToString());
        Assert.False(await Store.TryReplaceAsync("state", Unique("missing"), Text("x"), "application/json", v1.ETag));
    }

    [Fact]
    public async Task Missing_blobs_are_null_and_delete_reports_what_it_did()
    {
        var name = Unique("missing");
        Assert.Null(await Store.GetAsync("raw", name));
        Assert.False(await Store.ExistsAsync("raw", name));
        await Store.PutAsync("raw", name, Text("x"), "text/html");
        Assert.True(await Store.ExistsAsync("raw", name));
        Assert.True(await Store.DeleteAsync("raw", name));
        Assert.False(await Store.DeleteAsync("raw", name));
    }

    [Fact]
    public async Task List_returns_names_under_a_prefix_in_ordinal_order()
    {
        var prefix = $"list-{Guid.NewGuid():N}";
        foreach (var name in (string[])[$"{prefix}/b.json", $"{prefix}/a.json", $"{prefix}/sub/c.json", $"{prefix}x/other.json"])
            await Store.PutAsync("alerts", name, Text(name), "application/json");
        var listed = new List<string>();
        await foreach (var name in Store.ListAsync("alerts", prefix + "/")) listed.Add(name);
        Assert.Equal([$"{prefix}/a.json", $"{prefix}/b.json", $"{prefix}/sub/c.json"], listed);
    }

    [Theory]
    [InlineData("articles", "../escape.json")]
    [InlineData("articles", "a/../../escape.json")]
    [InlineData("articles", "/absolute.json")]
    [InlineData("articles", "name with spaces.json")]
    [InlineData("Articles", "fine.json")]
    [InlineData("a", "fine.json")]
    public async Task Unsafe_names_are_refused(string container, string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(container, name, Text("x"), "text/plain"));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_have_exactly_one_winner()
    {
        for (var round = 0; round < 10; round++)
        {
            var name = Unique("race");
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.TryCreateAsync("alerts", name, Text($"writer {i}"), "application/json"))));
            Assert.Equal(1, results.Count(r => r));
        }
    }

    [Fact]
    public async Task Concurrent_replaces_from_one_version_have_exactly_one_winner()
    {
        for (var round = 0; round < 10; round++)
        {
            var name = Unique("replace-race");
            await Store.PutAsync("articles", name, Text("v1"), "application/json");
            var etag = (await Store.GetAsync("articles", name))!.ETag;
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.TryReplaceAsync("articles", name, Text($"writer {i}"), "application/json", etag))));
            Assert.Equal(1, results.Count(r => r));
            var winner = Array.IndexOf(results, true);
            Assert.Equal($"writer {winner}", (await Store.GetAsync("articles", name))!.Content.ToString());
        }
    }
}

public sealed class LocalFolderBlobStoreTests : BlobStoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();

    public LocalFolderBlobStoreTests() => Store = new LocalFolderBlobStore(_folder.Path);

    protected override IBlobStore Store { get; }

    [Fact]
    public async Task Blobs_are_files_in_the_same_container_and_name_layout_as_azure()
    {
        await Store.PutAsync("statements", "2022/abc.json", BinaryData.FromString("{}"), "application/json");
        Assert.True(File.Exists(Path.Combine(_folder.Path, "statements", "2022", "abc.json")));
    }

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteFixtureGroup.Name)]
public sealed class AzureBlobStoreTests(AzuriteServer azurite) : BlobStoreContractTests
{
    protected override IBlobStore Store { get; } = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
}
