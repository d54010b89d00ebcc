using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Functions;
using NewsMonitor.Monitoring;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddNewsMonitorTelemetry();
builder.AddNewsMonitorExtraction();
builder.AddNewsMonitorMonitoring();
builder.Build().Run();
