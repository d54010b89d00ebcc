using System.CommandLine;
using NewsMonitor.Cli.Commands;

namespace NewsMonitor.Cli;

/// <summary>The <c>newsmon</c> command line: the same pipeline as the Functions app, in one process.</summary>
public static class NewsMonCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("NewsMonitor: watch news sources and extract key statements (who said what, when, where).");
        root.Subcommands.Add(ExtractCommand.Create(output, error));
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(WatchCommand.Create(output, error));
        root.Subcommands.Add(QueryCommand.Create(output, error));
        root.Subcommands.Add(SpeakersCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(AlertsCommand.Create(output, error));
        root.Subcommands.Add(DemoCommand.Create(output, error));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Build(output, error);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) await error.WriteLineAsync($"newsmon: {problem.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("Run 'newsmon --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("newsmon: cancelled").ConfigureAwait(false);
            return Failure;
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"newsmon: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException
                                   or Azure.RequestFailedException or HttpRequestException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            // Errors a user can act on: say what went wrong, without a stack trace.
            await error.WriteLineAsync($"newsmon: {e.Message}").ConfigureAwait(false);
            return Failure;
        }
    }
}

/// <summary>A command-line argument that parses but makes no sense; reported as a usage error.</summary>
public sealed class UsageException(string message) : Exception(message);
