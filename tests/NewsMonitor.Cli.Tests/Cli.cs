namespace NewsMonitor.Cli.Tests;

/// <summary>What one newsmon invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal static class Cli
{
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
