using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Orchestrator.Tests.Plugins;

/// <summary>
/// The real host (through <see cref="ItsmAppFactory"/>: temp SQLite, fake clock) with extra settings and services,
/// and the few calls these tests make on it.
/// </summary>
public static class PluginHost
{
    public static WebApplicationFactory<Program> With(ItsmAppFactory app, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
        => app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureTestServices(services);
        });

    public static async Task PublishAsync(this IServiceProvider services, string json)
    {
        var result = await services.GetRequiredService<IWorkflowDefinitionService>().SaveAsync(ElsaJson.ParseDefinition(json), publish: true, CancellationToken.None);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    public static async Task<WorkflowState> StartAsync(this IServiceProvider services, StartRequest request)
    {
        var started = await services.GetRequiredService<IWorkflowRuntime>().StartAsync(request, CancellationToken.None);
        started.Outcome.Should().Be(StartOutcome.Started, started.Message);
        return started.State!;
    }
}
