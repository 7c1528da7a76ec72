using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Definitions.PostgreSql;
using Itsm.Orchestrator.Http;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// The definition side of one Itsm node on a PostgreSQL database — definition service, compiled cache, trigger index,
/// the change broadcaster and listener — wired by the host's own registrations, without the rest of the host.
/// </summary>
public sealed class DefinitionNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly PostgreSqlDefinitionListener _listener;

    private DefinitionNode(ServiceProvider services, FakeTimeProvider clock, HeardChanges heard)
    {
        _services = services;
        Clock = clock;
        _heard = heard;
        _listener = ActivatorUtilities.CreateInstance<PostgreSqlDefinitionListener>(services);
    }

    /// <summary>The node's clock: it paces the feed's reconnect back-off, so a test decides when a lost feed comes back.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The changes this node's lifecycle handlers heard, in order ("published here", "retracted on another node", …).</summary>
    public IReadOnlyList<string> Heard => _heard.Changes;

    private readonly HeardChanges _heard;

    public WorkflowDefinitionService Definitions => _services.GetRequiredService<WorkflowDefinitionService>();

    public TriggerIndex Triggers => _services.GetRequiredService<TriggerIndex>();

    public CompiledWorkflowCache Compiled => _services.GetRequiredService<CompiledWorkflowCache>();

    /// <summary>Migrates (the first node), loads the published versions, and starts following other nodes' changes.</summary>
    public static async Task<DefinitionNode> StartAsync(PostgreSqlTestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Itsm:Persistence:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Itsm"] = database.ConnectionString,
            ["Itsm:DataPath"] = Path.Combine(Path.GetTempPath(), "itsm-tests", Guid.NewGuid().ToString("N")),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        // The ports the built-in activities need, as Program.cs registers them.
        services.AddItsmPersistence(configuration).AddItsmRuntime(configuration).AddItsmOutboundHttp().AddItsmRecords();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var heard = new HeardChanges();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IDefinitionLifecycleHandler>(heard);
        var node = new DefinitionNode(services.BuildServiceProvider(), clock, heard);
        await node._services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await node.Definitions.WarmAsync(CancellationToken.None);
        await node._listener.StartAsync(CancellationToken.None);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.StopAsync(CancellationToken.None);
        _listener.Dispose();
        await _services.DisposeAsync();
    }

    private sealed class HeardChanges : IDefinitionLifecycleHandler
    {
        private readonly Lock _gate = new();
        private readonly List<string> _changes = [];

        public IReadOnlyList<string> Changes
        {
            get
            {
                lock (_gate) return [.. _changes];
            }
        }

        public Task OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken)
            => published.AtStartup ? Task.CompletedTask : Add("published", published.FromOtherNode);

        public Task OnRetractedAsync(DefinitionRetracted retracted, CancellationToken cancellationToken) => Add("retracted", retracted.FromOtherNode);

        public Task OnDeletedAsync(DefinitionDeleted deleted, CancellationToken cancellationToken) => Add("deleted", deleted.FromOtherNode);

        private Task Add(string change, bool fromOtherNode)
        {
            lock (_gate) _changes.Add(change + (fromOtherNode ? " on another node" : " here"));
            return Task.CompletedTask;
        }
    }
}
