namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The runtime's store of instances, bookmarks, journal and faults: the hot path a provider implements its own way
/// (the listings the API shows are <see cref="IWorkflowQueries"/>).
/// Writes go through <see cref="CommitAsync"/>: all instance writes of one call commit atomically
/// (a parent and the child it started commit together), and concurrent calls are grouped into one
/// SQLite transaction by a single writer (group commit). Reads use their own connections.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Commits the writes atomically; completes once they are durable.</summary>
    /// <exception cref="ConcurrencyConflictException">An instance's revision moved; nothing was written.</exception>
    Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken);

    Task<InstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken);

    Task<BookmarkRecord?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken);

    /// <summary>Bookmarks of one kind and key (one index seek), optionally narrowed to a correlation id or instance.</summary>
    Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(
        string kind, string? key, string? correlationId, string? instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BookmarkRecord>> ListBookmarksOfInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Every bookmark of one kind (start-up recovery, e.g. parents waiting on children).</summary>
    Task<IReadOnlyList<BookmarkRecord>> ListBookmarksOfKindAsync(string kind, CancellationToken cancellationToken);

    /// <summary>Every bookmark with a <see cref="BookmarkRecord.ResumeAt"/>: the timers to re-arm at start-up.</summary>
    Task<IReadOnlyList<BookmarkRecord>> ListTimerBookmarksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Timers due at or before <paramref name="dueBefore"/>, earliest first, at most <paramref name="max"/>, leaving out
    /// those of Faulted instances (they fire after a retry): the timer horizon the node keeps armed.
    /// </summary>
    Task<IReadOnlyList<BookmarkRecord>> ListDueTimersAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> outbox rows due at <paramref name="now"/> for this caller until <paramref name="leaseUntil"/>.</summary>
    Task<IReadOnlyList<OutboxRecord>> ClaimOutboxAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Removes an outbox row whose work is done (false when it was already gone).</summary>
    Task<bool> CompleteOutboxAsync(string id, CancellationToken cancellationToken);

    /// <summary>Keeps a failed outbox row with its <paramref name="lastError"/>, to be claimed again at <paramref name="retryAt"/>.</summary>
    Task FailOutboxAsync(string id, DateTimeOffset retryAt, string lastError, CancellationToken cancellationToken);

    Task<StoredRecord?> FindRecordAsync(string recordType, string recordId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes record changes made outside a step (by a person through the API, the demo estate, a delivery's attempts)
    /// with their links, history and <paramref name="outbox"/> rows in one transaction, as a commit writes a step's.
    /// </summary>
    Task WriteRecordsAsync(IReadOnlyList<RecordWrite> records, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves the next <paramref name="count"/> values of a number counter (one row per record type), atomically on
    /// every node; returns the last value reserved, so the range is <c>last - count + 1 … last</c>.
    /// </summary>
    Task<long> ReserveNumbersAsync(string counter, int count, CancellationToken cancellationToken);

    /// <summary>Counts one more unattended attempt to run an instance, durably, before the run; returns the count.</summary>
    Task<int> CountAttemptAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes an instance with its bookmarks, journal and faults. False when it did not exist.</summary>
    Task<bool> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> instances that are Finished or Cancelled (not Faulted: those wait
    /// for an admin) and finished before <paramref name="finishedBefore"/>, with their rows, in one write. Returns how many.
    /// </summary>
    Task<int> DeleteFinishedInstancesAsync(DateTimeOffset finishedBefore, int batchSize, CancellationToken cancellationToken);
}
