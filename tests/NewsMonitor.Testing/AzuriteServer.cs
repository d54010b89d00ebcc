using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace NewsMonitor.Testing;

/// <summary>
/// A real Azurite, started from the repository's node_modules (npm ci) on ports the OS picks, and
/// stopped when the tests end. Never assumes 10000-10002 are free.
/// </summary>
public sealed partial class AzuriteServer : IAsyncLifetime
{
    // The emulator's published development account key.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private string? _location;
    private TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _servicesClosed;

    /// <summary>Keeps data in memory only (Azurite's --inMemoryPersistence): faster for large benchmarks; nothing survives a restart.</summary>
    public bool InMemory { get; init; }

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};";

    public Task InitializeAsync()
    {
        _location = Directory.CreateTempSubdirectory("newsmonitor-azurite-").FullName;
        return StartAsync(0, 0);
    }

    /// <summary>Stops the emulator gracefully, so its data on disk is kept, for tests of storage outages.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM lets Azurite save its metadata; SIGKILL (Process.Kill) would lose it.
                using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                    await term!.WaitForExitAsync().ConfigureAwait(false);
                // Azurite reports its services closed (data saved) quickly, but its process lingers for minutes.
                await Task.WhenAny(_closed.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(15))).ConfigureAwait(false);
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the emulator again on the same ports with the same data.</summary>
    public Task RestartAsync() => StartAsync(BlobPort, QueuePort);

    private async Task StartAsync(int blobPort, int queuePort)
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"Azurite is not installed: {script} is missing. Run 'npm ci' in {RepositoryPaths.Root} first.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _location!,
        };
        // In memory, Azurite refuses --location; it still runs in the temporary folder (its debug log goes there).
        string[] location = InMemory ? ["--inMemoryPersistence"] : ["--location", _location!];
        foreach (var arg in (string[])["--", script, .. location, "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                     "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", "0"])
        {
            if (arg != "--") start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _servicesClosed = 0;
        var blob = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains("successfully closed", StringComparison.Ordinal) && Interlocked.Increment(ref _servicesClosed) == 3) _closed.TrySetResult();
            var match = Listening().Match(e.Data);
            if (!match.Success) return;
            var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (match.Groups["service"].Value == "Blob") blob.TrySetResult(port);
            else if (match.Groups["service"].Value == "Queue") queue.TrySetResult(port);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (output) output.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var ready = Task.WhenAll(blob.Task, queue.Task);
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(60)), process.WaitForExitAsync()).ConfigureAwait(false) != ready)
        {
            await StopAsync().ConfigureAwait(false);
            string log;
            lock (output) log = output.ToString();
            throw new InvalidOperationException($"Azurite did not start within 60 s. Its output:\n{log}");
        }
        BlobPort = blob.Task.Result;
        QueuePort = queue.Task.Result;
    }

    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
