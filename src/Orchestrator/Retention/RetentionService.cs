using Itsm.Orchestrator.Api.Webhooks;
using Itsm.Orchestrator.Hosting;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Retention;

/// <summary>
/// Keeps the database from growing without bound: every <see cref="RetentionOptions.Interval"/> it deletes
/// Finished/Cancelled instances whose FinishedAt is older than <see cref="RetentionOptions.FinishedInstances"/>
/// (with bookmarks, journal and faults) and expired webhook idempotency keys, in batches of
/// <see cref="RetentionOptions.BatchSize"/> with a pause between them so the group-commit writer keeps serving
/// commits. Faulted instances are kept: they wait for an admin to retry or delete them. Time comes from
/// <see cref="TimeProvider"/> (waits too), so tests drive it with a fake clock.
/// </summary>
public sealed partial class RetentionService(
    IWorkflowStore store,
    WebhookDeliveryLedger deliveries,
    IOptions<RetentionOptions> options,
    IOptions<WebhookOptions> webhookOptions,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<RetentionService> logger) : PeriodicWork(lifetime, clock, logger)
{
    /// <summary>Rounds completed so far (tests wait on it).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    private long _rounds;

    protected override string Name => "Retention";

    protected override TimeSpan Interval => options.Value.Interval;

    protected override bool Enabled => options.Value.Enabled;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PurgeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _rounds);
        }
    }

    /// <summary>One round: batches until nothing old enough is left. Returns the instances deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Clock.GetUtcNow();
        var instances = await DrainAsync(() => store.DeleteFinishedInstancesAsync(now - settings.FinishedInstances, settings.BatchSize, cancellationToken), cancellationToken).ConfigureAwait(false);
        var keys = await DrainAsync(() => deliveries.PurgeAsync(now - webhookOptions.Value.IdempotencyWindow, settings.BatchSize, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (instances > 0 || keys > 0) LogPurged(Logger, instances, keys);
        return instances;
    }

    private async Task<int> DrainAsync(Func<Task<int>> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;
        while (true)
        {
            var deleted = await batch().ConfigureAwait(false);
            total += deleted;
            if (deleted < settings.BatchSize) return total;
            if (settings.PauseBetweenBatches > TimeSpan.Zero)
                await Task.Delay(settings.PauseBetweenBatches, Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogLevel.Information, "Retention deleted {Instances} finished instances and {Keys} expired webhook keys")]
    private static partial void LogPurged(ILogger logger, int instances, int keys);

}
