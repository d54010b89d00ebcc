using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsMonitor.Monitoring;

namespace NewsMonitor.Cli;

/// <summary>The services behind a CLI command: the same registrations the Functions app uses, configured from options.</summary>
internal static class CliHost
{
    public const string DefaultStoreDirectory = ".newsmonitor";

    public static IHost Build(IDictionary<string, string?> settings, TextWriter error, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, settings, error, logLevel);
        return builder.Build();
    }

    /// <summary>NewsMonitor's services and the CLI's configuration and logging, on any host builder (a web host for <c>serve</c>).</summary>
    public static void Configure(IHostApplicationBuilder builder, IDictionary<string, string?> settings, TextWriter error, LogLevel logLevel = LogLevel.Warning)
    {
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddProvider(new WriterLoggerProvider(error));
        builder.AddNewsMonitorExtraction();
        builder.AddNewsMonitorMonitoring();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
    }

    /// <summary>Settings for the store the user chose: a folder (default ./.newsmonitor) or an Azure Storage connection.</summary>
    public static void AddStore(IDictionary<string, string?> settings, string? directory, string? connection)
    {
        if (directory is not null && connection is not null)
            throw new UsageException("use either --store or --connection, not both");
        if (connection is not null)
        {
            settings[NewsMonitorSettings.Storage] = connection;
            settings[NewsMonitorSettings.StoreDirectory] = "";
        }
        else
        {
            settings[NewsMonitorSettings.StoreDirectory] = directory ?? Environment.GetEnvironmentVariable(NewsMonitorSettings.StoreDirectory) ?? DefaultStoreDirectory;
        }
    }
}

/// <summary>Writes log lines to a text writer (stderr), one per line, for people watching a command run.</summary>
internal sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new WriterLogger(writer, categoryName);

    public void Dispose()
    {
    }

    private sealed class WriterLogger(TextWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Warning => "warn",
                LogLevel.Error or LogLevel.Critical => "error",
                LogLevel.Information => "info",
                _ => "debug",
            };
            var source = category[(category.LastIndexOf('.') + 1)..];
            lock (writer) writer.WriteLine($"{level}: {source}: {formatter(state, exception)}");
        }
    }
}
