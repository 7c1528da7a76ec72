using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>Gives each test its own data folder and a started persistence host on it.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private PersistenceHost? _host;

    protected TempDataFolder Folder { get; } = new();

    internal PersistenceHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    protected IWorkflowStore Store => Host.Store;

    protected IWorkflowQueries Queries => Host.Queries;

    protected IDefinitionStore Definitions => Host.Definitions;

    protected static CancellationToken Ct => CancellationToken.None;

    public virtual async Task InitializeAsync() => _host = await PersistenceHost.StartAsync(Folder.Path);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Folder.Dispose();
    }

    /// <summary>Stops the host and starts a new one on the same folder: a process restart.</summary>
    internal async Task RestartAsync()
    {
        await Host.DisposeAsync();
        _host = null;
        _host = await PersistenceHost.StartAsync(Folder.Path);
    }
}
