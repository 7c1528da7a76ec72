using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// What one execution burst changed, beyond the state object it mutated: the rows to persist in the same
/// commit (journal, bookmarks, faults) and the effects to carry out after it (HTTP answer, published events).
/// </summary>
public sealed class BurstResult
{
    public List<JournalEntry> Journal { get; } = [];
    public List<BookmarkState> AddedBookmarks { get; } = [];
    public List<string> RemovedBookmarkIds { get; } = [];
    public List<FaultState> AddedFaults { get; } = [];
    public List<string> ResolvedFaultIds { get; } = [];
    public List<PublishedEvent> PublishedEvents { get; } = [];
    /// <summary>Record changes of the steps that completed or suspended (a faulted step's are dropped): committed with the burst.</summary>
    public List<RecordChange> RecordChanges { get; } = [];
    /// <summary>The version of each record as the burst first read it (0: absent): what its changes were made from.</summary>
    public Dictionary<(string RecordType, string RecordId), long> RecordVersionsRead { get; } = [];
    public HttpResponseSpec? HttpResponse { get; set; }
    /// <summary>Set when a resume named a bookmark the instance no longer has (already resumed).</summary>
    public bool BookmarkNotFound { get; set; }
    public int Steps { get; set; }

    /// <summary>
    /// The exception behind an unexpected fault of this burst, for the host's log only: the fault itself carries a
    /// generic message and its id. Never persisted (the burst result is not).
    /// </summary>
    public Exception? FaultException { get; internal set; }
}
