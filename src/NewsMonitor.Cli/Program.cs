using NewsMonitor.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish cleanly: stop work, flush output
    cancel.Cancel();
};
return await NewsMonCli.RunAsync(args, Console.Out, Console.Error, cancel.Token);
