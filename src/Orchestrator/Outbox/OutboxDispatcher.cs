using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Carries out follow-up work written by commits: right after the commit on the node that made it
/// (<see cref="RunAsync"/>), and by polling for rows nobody is carrying out (<see cref="PollOnceAsync"/>: after a
/// crash, or when a failure's back-off ends). Done work is deleted; failing work is kept with its error and tried
/// again with a doubling back-off, never dropped.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceProvider services,
    IWorkflowStore store,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxErrorLength = 2000;
    // Resolved on first use: handlers need the runtime, which needs this dispatcher.
    private Dictionary<string, IOutboxHandler>? _handlers;

    private Dictionary<string, IOutboxHandler> Handlers =>
        _handlers ??= services.GetServices<IOutboxHandler>().ToDictionary(handler => handler.Kind, StringComparer.Ordinal);

    /// <summary>Runs work this node just committed (leased to it at commit time).</summary>
    public async Task RunAsync(IReadOnlyList<OutboxRecord> items, CancellationToken cancellationToken)
    {
        foreach (var item in items) await RunOneAsync(item, cancellationToken);
    }

    /// <summary>Claims and runs the work that is due; returns how many items it claimed.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await store.ClaimOutboxAsync(now, now + options.Value.Lease, options.Value.BatchSize, cancellationToken);
        foreach (var item in claimed) await RunOneAsync(item, cancellationToken);
        return claimed.Count;
    }

    private async Task RunOneAsync(OutboxRecord item, CancellationToken cancellationToken)
    {
        try
        {
            if (!Handlers.TryGetValue(item.Kind, out var handler))
                throw new InvalidOperationException($"No handler carries out follow-up work of kind '{item.Kind}'.");
            await handler.HandleAsync(item, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + Backoff(item.Attempts + 1);
            LogFailed(ex, item.Kind, item.Id, item.Attempts + 1, retryAt);
            var error = ex.Message.Length > MaxErrorLength ? ex.Message[..MaxErrorLength] : ex.Message;
            await store.FailOutboxAsync(item.Id, retryAt, error, CancellationToken.None);
            return;
        }
        await store.CompleteOutboxAsync(item.Id, CancellationToken.None);
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Pow(2, Math.Min(attempts - 1, 30));
        var backoff = TimeSpan.FromSeconds(seconds);
        return backoff < options.Value.MaxBackoff ? backoff : options.Value.MaxBackoff;
    }

    [LoggerMessage(LogLevel.Warning, "Follow-up work {Kind} {ItemId} failed (attempt {Attempts}); kept for another attempt at {RetryAt}")]
    private partial void LogFailed(Exception exception, string kind, string itemId, int attempts, DateTimeOffset retryAt);
}
