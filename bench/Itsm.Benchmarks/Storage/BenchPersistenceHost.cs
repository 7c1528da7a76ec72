using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Itsm.Benchmarks.Storage;

/// <summary>
/// The orchestrator's persistence services exactly as the host registers them (<c>AddItsmPersistence</c>),
/// on a given data folder, with the database initialized (WAL + migrations) before first use — the same
/// wiring the persistence tests use, so the bench stores what production stores.
/// </summary>
internal sealed class BenchPersistenceHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchPersistenceHost(ServiceProvider services, string databasePath)
    {
        _services = services;
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public SqliteWorkflowStore Store => _services.GetRequiredService<SqliteWorkflowStore>();

    public static async Task<BenchPersistenceHost> StartAsync(string dataPath, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Itsm:DataPath"] = dataPath })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddItsmPersistence(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new BenchPersistenceHost(services, new PersistenceOptions { DataPath = dataPath }.DatabasePath);
    }

    /// <summary>
    /// Disposes the services (the store drains its writer and closes its connections) and empties the
    /// connection pool, so <see cref="DatabaseFile"/> can then checkpoint the WAL without a reader in the way.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        // EF's pooled connections would otherwise keep the file open past this point.
        SqliteConnection.ClearAllPools();
    }
}
