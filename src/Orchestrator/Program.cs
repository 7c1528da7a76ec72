using Itsm.Orchestrator.Api;
using Itsm.Orchestrator.Hosting;
using Itsm.Orchestrator.Http;
using Itsm.Orchestrator.Itil;
using Itsm.Orchestrator.Outbox;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Retention;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Security;
using Itsm.Orchestrator.Studio;
using Itsm.Orchestrator.Timers;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// Itsm: ITIL 4 value streams run as Elsa-3-compatible workflows. This file is the table of contents;
// each Add*/Map* lives in its feature folder.
// The data folder lives under the content root by default, and reloading appsettings.json on change watches that
// root recursively: every SQLite write then woke a file watcher (measured: 7.5 % of CPU at peak webhook load).
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

builder.Services
    .AddItsmPersistence(builder.Configuration)
    .AddItsmRuntime(builder.Configuration)
    .AddItsmOutboundHttp()
    .AddItsmTimers(builder.Configuration)
    .AddItsmOutbox(builder.Configuration)
    .AddItsmRecords()
    .AddItsmItil()
    .AddItsmApi(builder.Configuration)
    .AddItsmSecurity(builder.Configuration)
    .AddItsmRetention(builder.Configuration)
    .AddItsmStudio(builder.Configuration);

var app = builder.Build();

app.MapItsmApi();
app.UseItsmStudio();
app.UseItsmSecurity();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });

app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
