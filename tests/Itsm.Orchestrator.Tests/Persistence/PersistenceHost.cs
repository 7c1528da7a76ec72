using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>The persistence services exactly as the host registers them, on a given data folder (and its database, <see cref="TestDatabase"/>).</summary>
internal sealed class PersistenceHost : IAsyncDisposable
{
    private PersistenceHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IWorkflowStore Store => Services.GetRequiredService<IWorkflowStore>();

    public IWorkflowQueries Queries => Services.GetRequiredService<IWorkflowQueries>();

    public IDefinitionStore Definitions => Services.GetRequiredService<IDefinitionStore>();

    public static async Task<PersistenceHost> StartAsync(string dataPath, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(TestDatabase.SettingsFor(dataPath)) { ["Itsm:DataPath"] = dataPath };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddItsmPersistence(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return new PersistenceHost(services);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
