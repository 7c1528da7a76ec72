namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// The API's read-only listings over what <see cref="IWorkflowStore"/> wrote: instance lists, journal pages, faults,
/// the task inbox, the outbox and service records. Kept apart from the runtime's store so a provider can serve the
/// hot path with its own statements and these lists with EF Core (or anything else) without touching the runtime.
/// </summary>
public interface IWorkflowQueries
{
    /// <summary>Open human tasks (bookmarks with a <see cref="BookmarkRecord.Task"/>), newest first, keyset-paged by (CreatedAt, Id).</summary>
    Task<IReadOnlyList<BookmarkRecord>> ListTasksAsync(TaskQuery query, CancellationToken cancellationToken);

    Task<InstancePage> ListInstancesAsync(InstanceQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalRecord>> ListJournalAsync(string instanceId, int skip, int take, CancellationToken cancellationToken);

    Task<int> CountJournalAsync(string instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<FaultRecord>> ListFaultsAsync(string instanceId, bool includeResolved, CancellationToken cancellationToken);

    /// <summary>Pending and failing follow-up work, oldest first (operators' view).</summary>
    Task<(IReadOnlyList<OutboxRecord> Items, int Total)> ListOutboxAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Records of one type by id, paged.</summary>
    Task<(IReadOnlyList<StoredRecord> Items, int Total)> ListRecordsAsync(string recordType, int skip, int take, CancellationToken cancellationToken);
}
