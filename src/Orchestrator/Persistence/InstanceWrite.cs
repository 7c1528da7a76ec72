namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Everything one execution burst changed for one instance; written in a single transaction.
/// <see cref="ExpectedRevision"/> is the revision the burst started from (0 for a new instance):
/// the store refuses the write with <see cref="ConcurrencyConflictException"/> when the stored revision differs.
/// </summary>
public sealed record InstanceWrite(
    InstanceRecord Instance,
    long ExpectedRevision,
    IReadOnlyList<BookmarkRecord> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<JournalRecord> Journal,
    IReadOnlyList<FaultRecord> AddedFaults,
    IReadOnlyList<string> ResolvedFaultIds)
{
    /// <summary>Follow-up work decided by this burst, inserted in the same transaction (the outbox).</summary>
    public IReadOnlyList<OutboxRecord> Outbox { get; init; } = [];

    /// <summary>Service-management records the burst's steps changed, in the same transaction.</summary>
    public IReadOnlyList<RecordWrite> Records { get; init; } = [];

    /// <summary>The burst ran unattended and counted an attempt: its commit clears the count.</summary>
    public bool ClearAttempts { get; init; }
}
