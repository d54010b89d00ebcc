using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Functions.Tests;

/// <summary>infra/ compiled and linted by the real Bicep CLI, and compared with what the code reads.</summary>
public sealed class InfrastructureTests
{
    private static readonly string Infra = Path.Combine(RepositoryPaths.Root, "infra");

    private static string BicepCli()
    {
        var path = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        Assert.True(File.Exists(path), $"Bicep CLI not restored at {path}; run dotnet restore.");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }

    private static (int ExitCode, string Output) Bicep(params string[] args)
    {
        var start = new ProcessStartInfo(BicepCli()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "bicep timed out");
        return (process.ExitCode, stdout.Result + stderr);
    }

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Infra, file));
        return data;
    }

    private static readonly Lazy<JsonElement> Main = new(CompileMain);

    private static JsonElement CompiledMain() => Main.Value;

    private static JsonElement CompileMain()
    {
        var output = Directory.CreateTempSubdirectory("newsmonitor-arm-").FullName;
        var (code, log) = Bicep("build", Path.Combine(Infra, "main.bicep"), "--outdir", output);
        Assert.True(code == 0, log);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "main.json")));
        return document.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Resources(JsonElement template, string type)
    {
        foreach (var resource in template.GetProperty("resources").EnumerateArray())
        {
            var kind = resource.GetProperty("type").GetString();
            if (kind == "Microsoft.Resources/deployments")
                foreach (var inner in Resources(resource.GetProperty("properties").GetProperty("template"), type)) yield return inner;
            else if (kind == type) yield return resource;
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_bicep_file_compiles_and_its_linter_reports_nothing(string file)
    {
        var path = Path.Combine(Infra, file);
        var output = Directory.CreateTempSubdirectory("newsmonitor-bicep-").FullName;
        var build = Bicep("build", path, "--outdir", output);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("Warning", build.Output, StringComparison.Ordinal);
        var lint = Bicep("lint", path);
        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.True(string.IsNullOrWhiteSpace(lint.Output), $"bicep lint {file}:\n{lint.Output}");
    }

    [Fact]
    public void The_function_app_settings_are_the_ones_the_code_reads()
    {
        var app = Assert.Single(Resources(CompiledMain(), "Microsoft.Web/sites"));
        var emitted = app.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

        string[] storage = [StorageClients.BlobServiceUri, StorageClients.QueueServiceUri, StorageClients.Credential, StorageClients.ClientId];
        var expected = NewsMonitorSettings.Deployed
            .Concat(storage.Select(key => $"{NewsMonitorSettings.Storage}__{key}"))
            .Concat([NewsMonitorSettings.ApplicationInsightsConnectionString, "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"])
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, emitted);
        Assert.DoesNotContain(emitted, name => NewsMonitorSettings.LocalOnly.Contains(name));
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_flex_consumption_with_its_identity()
    {
        var template = CompiledMain();
        var plan = Assert.Single(Resources(template, "Microsoft.Web/serverfarms"));
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        var app = Assert.Single(Resources(template, "Microsoft.Web/sites"));
        var config = app.GetProperty("properties").GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        Assert.Equal("UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());
        var settings = app.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").ToString());
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.StartsWith("[if(empty(parameters('alertWebhookSecretUri'))", settings[NewsMonitorSettings.AlertWebhook], StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings[NewsMonitorSettings.AlertWebhook], StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_allows_no_keys_and_no_public_blobs_and_creates_what_the_code_uses()
    {
        var template = CompiledMain();
        var account = Assert.Single(Resources(template, "Microsoft.Storage/storageAccounts"));
        var properties = account.GetProperty("properties");
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());

        var storageTemplate = File.ReadAllText(Path.Combine(Infra, "app", "storage.bicep"));
        foreach (var container in StoreLayout.Containers)
            Assert.Contains($"'{container}'", storageTemplate, StringComparison.Ordinal);
        foreach (var queue in (string[])[QueueNames.PollSource, QueueNames.ProcessArticle])
        {
            Assert.Contains($"'{queue}'", storageTemplate, StringComparison.Ordinal);
            Assert.Contains($"'{queue}-poison'", storageTemplate, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_identity_gets_exactly_the_roles_it_needs()
    {
        // Role ids are variables in the compiled template: read each assignment's id through them.
        var roles = new List<string>();
        foreach (var template in Templates(CompiledMain()))
        {
            var variables = template.TryGetProperty("variables", out var v) ? v : default;
            foreach (var assignment in template.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments"))
            {
                var expression = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
                var name = System.Text.RegularExpressions.Regex.Match(expression, @"variables\('(\w+)'\)").Groups[1].Value;
                roles.Add(variables.GetProperty(name).GetString()!);
            }
        }
        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (host leases, deployment package)
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", // Storage Blob Data Reader, for the deploying user only
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<JsonElement> Templates(JsonElement template)
    {
        yield return template;
        foreach (var resource in template.GetProperty("resources").EnumerateArray())
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
                foreach (var inner in Templates(resource.GetProperty("properties").GetProperty("template"))) yield return inner;
    }

    [Fact]
    public void Azd_deploys_the_functions_project()
    {
        var azure = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        Assert.Contains("project: ./src/NewsMonitor.Functions", azure, StringComparison.Ordinal);
        Assert.Contains("host: function", azure, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': 'api'", File.ReadAllText(Path.Combine(Infra, "app", "function.bicep")), StringComparison.Ordinal);
    }
}
