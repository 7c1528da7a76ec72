using System.Collections.Concurrent;
using Itsm.Orchestrator.Persistence;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Carries out follow-up work written by commits: right after the commit on the node that made it, in the background
/// (<see cref="DispatchAsync"/>), and by polling for rows nobody is carrying out (<see cref="PollOnceAsync"/>: after a
/// crash, or when a failure's back-off ends). Done work is deleted; failing work is kept with its error and tried
/// again with a doubling back-off, never dropped.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceProvider services,
    IWorkflowStore store,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    private const int MaxErrorLength = 2000;
    // Resolved on first use: handlers need the runtime, which needs this dispatcher.
    private Dictionary<string, IOutboxHandler>? _handlers;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxInFlight, options.Value.MaxInFlight);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    // Set while follow-up work runs: work that work causes (a resumed parent's own follow-up) runs inline in it rather
    // than waiting for a slot, which could deadlock once every slot holds work waiting for one.
    private static readonly AsyncLocal<bool> InFollowUp = new();

    private Dictionary<string, IOutboxHandler> Handlers =>
        _handlers ??= services.GetServices<IOutboxHandler>().ToDictionary(handler => handler.Kind, StringComparer.Ordinal);

    /// <summary>
    /// Starts work this node just committed (leased to it at commit time) and returns without waiting for it: the
    /// caller is answered after its commit, not after its follow-up. A.1.1's webhook start waited for its notification's
    /// delivery (a read and two writes) before its 202. At most <see cref="OutboxOptions.MaxInFlight"/> commits' work
    /// runs at once; past that the caller waits for a slot, so a burst of starts cannot pile up work in memory. Work
    /// still running when the host stops is awaited (<see cref="DrainAsync"/>); work that never ran stays leased in the
    /// outbox, and a poller takes it when the lease ends.
    /// </summary>
    public async ValueTask DispatchAsync(IReadOnlyList<OutboxRecord> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return;
        if (InFollowUp.Value)
        {
            await RunAsync(items, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!_slots.Wait(0, CancellationToken.None)) await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var work = Task.Run(() => RunInBackgroundAsync(items), CancellationToken.None);
        _running.TryAdd(work, 0);
        // Removed once done; a task that finished before it was added is removed here at once.
        _ = work.ContinueWith(static (done, running) => ((ConcurrentDictionary<Task, byte>)running!).TryRemove(done, out _), _running,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for the follow-up work started by <see cref="DispatchAsync"/> (host shutdown), or until cancelled.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (!_running.IsEmpty)
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs work this node just committed and waits for it.</summary>
    public async Task RunAsync(IReadOnlyList<OutboxRecord> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items) await RunOneAsync(item, cancellationToken);
    }

    public void Dispose() => _slots.Dispose();

    private async Task RunInBackgroundAsync(IReadOnlyList<OutboxRecord> items)
    {
        InFollowUp.Value = true;
        try
        {
            await RunAsync(items, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Recording the outcome failed (the store is gone or failing): the rows stay leased, a poller retries them.
            LogBackgroundFailed(ex, items.Count);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Claims and runs the work that is due; returns how many items it claimed.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        InFollowUp.Value = true;
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

    [LoggerMessage(LogLevel.Error, "Follow-up work of a commit ({Count} item(s)) stopped before its outcome was recorded; a poller takes it once its lease ends")]
    private partial void LogBackgroundFailed(Exception exception, int count);

    [LoggerMessage(LogLevel.Warning, "Follow-up work {Kind} {ItemId} failed (attempt {Attempts}); kept for another attempt at {RetryAt}")]
    private partial void LogFailed(Exception exception, string kind, string itemId, int attempts, DateTimeOffset retryAt);
}
