using System.Reflection;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsMonitor.Functions.Tests;

[CollectionDefinition(Name)]
public sealed class FunctionsAppGroup : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Functions app on Azurite";
}

/// <summary>The Functions app's own DI container, built by its Program's registrations outside the Functions host.</summary>
internal static class FunctionsApp
{
    /// <summary>The output folder of the Functions project, where the SDK writes functions.metadata.</summary>
    public static string OutputFolder => Path.GetDirectoryName(typeof(PollSource).Assembly.Location)!;

    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        builder.AddNewsMonitorFunctions();
        foreach (var function in FunctionClasses) builder.Services.AddTransient(function);
        return builder.Build();
    }

    /// <summary>Every class with a [Function] method: the Functions host activates these from the container.</summary>
    public static IReadOnlyList<Type> FunctionClasses { get; } = typeof(PollSource).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>() is not null))
        .ToList();

    public static T Create<T>(IHost host) where T : class => ActivatorUtilities.CreateInstance<T>(host.Services);
}
