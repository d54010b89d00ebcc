using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary>The --store / --connection pair every command that reads or writes the store takes.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Directory { get; } = new("--store") { Description = $"Folder to store in (default ./{CliHost.DefaultStoreDirectory})" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "Azure Storage connection string (Azure or Azurite) instead of a folder" };

    public void AddTo(Command command)
    {
        command.Options.Add(Directory);
        command.Options.Add(Connection);
    }

    public void Apply(ParseResult parse, IDictionary<string, string?> settings) =>
        CliHost.AddStore(settings, parse.GetValue(Directory), parse.GetValue(Connection));
}
