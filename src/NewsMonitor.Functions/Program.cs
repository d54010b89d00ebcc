using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddNewsMonitorExtraction();
builder.AddNewsMonitorMonitoring();
builder.Build().Run();
