using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Brings the node up in order before it takes requests: database migrated, shipped definitions seeded, published
/// definitions compiled into the cache and trigger index. Work that runs instances — timers (the timer horizon) and
/// follow-up work left by a crash (the outbox poll) — starts only once the host is serving.
/// </summary>
public sealed partial class StartupTasks(
    DatabaseInitializer database,
    WorkflowFileSeeder seeder,
    IStartupSeedingLock seeding,
    WorkflowDefinitionService definitions,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        // Nodes starting together on one database seed one after another: the later ones find the files imported.
        var held = await seeding.AcquireAsync(cancellationToken);
        await using (held.ConfigureAwait(false)) await seeder.SeedAsync(cancellationToken);
        await definitions.WarmAsync(cancellationToken);
        LogReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Runtime ready: database migrated, definitions seeded and compiled")]
    private partial void LogReady();
}
