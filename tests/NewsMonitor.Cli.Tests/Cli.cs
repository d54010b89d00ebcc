namespace NewsMonitor.Cli.Tests;

/// <summary>What one newsmon invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal static class Cli
{
    static Cli()
    {
        // Alert retries back off from 2 s by default; the tests' receivers answer at once. Set the way a user
        // would, through the environment the CLI reads.
        Environment.SetEnvironmentVariable("NewsMonitor__Alerts__RetryDelay", "00:00:00.010");
    }

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await NewsMonCli.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
