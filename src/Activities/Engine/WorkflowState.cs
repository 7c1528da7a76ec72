using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// An instance's execution state: everything needed to continue it later, serialized into one column.
/// Kept small on purpose (bytes per suspended instance are a published figure): no copies of the
/// definition, ids instead of objects, pending work only while a burst is interrupted by a fault.
/// </summary>
public sealed class WorkflowState
{
    /// <summary>
    /// The shape this state was written in. Bumped when engine types change; the runtime migrates older stored
    /// states on load (see the Orchestrator's <c>StateMigrations</c>). 1 = before versioning (no property).
    /// </summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Written first, so a reader can tell the version from the document's first bytes.</summary>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string DefinitionVersionId { get; set; } = "";
    public int Version { get; set; }
    public InstanceStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public string? ParentInstanceId { get; set; }
    /// <summary>The parent's bookmark this child resumes when it finishes (Elsa.ExecuteWorkflow).</summary>
    public string? ParentBookmarkId { get; set; }
    public Dictionary<string, object?> Variables { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, object?>? Input { get; set; }
    public Dictionary<string, object?>? Output { get; set; }
    /// <summary>Work not yet run (only non-empty when a fault interrupted a burst: retry continues it).</summary>
    public List<WorkItemState>? Queue { get; set; }
    /// <summary>Per join activity id, the source activity ids that have arrived since it last fired.</summary>
    public Dictionary<string, List<string>>? Joins { get; set; }
    public List<BookmarkState> Bookmarks { get; set; } = [];
    public FaultState? Fault { get; set; }
    public int FaultCount { get; set; }
    public long JournalSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsTerminal => Status is InstanceStatus.Finished or InstanceStatus.Cancelled;
}

/// <summary>A scheduled activity: <see cref="FromActivityId"/> is the node whose outcome scheduled it (joins count these).</summary>
public sealed record WorkItemState(string ActivityId, string? FromActivityId);

/// <summary>An active bookmark of the instance (mirrors the bookmark row the runtime stores).</summary>
public sealed record BookmarkState(
    string Id,
    string ActivityId,
    string Kind,
    string? Key,
    object? Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResumeAt,
    HumanTask? Task);

/// <summary>The fault that stopped the instance; retry runs <see cref="ActivityId"/> again.</summary>
public sealed record FaultState(
    string Id,
    string ActivityId,
    string ActivityType,
    string Message,
    string? ExceptionType,
    bool Retryable,
    DateTimeOffset OccurredAt);
