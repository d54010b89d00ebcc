using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon serve [--port N] [--store DIR | --connection S]</c>: the Functions app's read API
/// (<c>/api/statements</c>, <c>/api/statements/{id}</c>, <c>/api/articles/{id}</c>, <c>/api/speakers</c>)
/// on 127.0.0.1, answered by the same handlers, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 7071; // the Functions host's local port, so URLs carry over

    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one)", DefaultValueFactory = _ => DefaultPort };
        var store = new StoreOptions();
        var command = new Command("serve", "Serve the HTTP query API on 127.0.0.1 over a store") { port };
        store.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535) throw new UsageException($"--port: {portValue} is not a port number.");
            var settings = new Dictionary<string, string?>();
            store.Apply(parse, settings);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
            CliHost.Configure(builder, settings, error);
            builder.Services.AddNewsMonitorApi();
            // Loopback only: the API has no authentication of its own (the Functions app has function keys).
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, portValue));
            await using var app = builder.Build();
            app.MapNewsMonitorApi();
            await app.StartAsync(token).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await output.WriteLineAsync($"{address.TrimEnd('/')}/api/").ConfigureAwait(false);
            await output.FlushAsync(token).ConfigureAwait(false);
            await error.WriteLineAsync($"serving {address}/api/statements, /api/speakers, … — Ctrl+C to stop").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: a clean stop.
            }
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await error.WriteLineAsync("stopped").ConfigureAwait(false);
            return NewsMonCli.Success;
        });
        return command;
    }
}
