namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Elsa's <c>WorkflowState</c> as far as Itsm has it. Elsa's execution internals (activity execution contexts,
/// completion callbacks, scheduled work) have no Itsm counterpart and are sent empty, as Studio expects lists.
/// <see cref="Variables"/> is Itsm's addition (by name): Elsa hides them in the root execution context.
/// </summary>
public sealed record WorkflowStateModel
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionVersionId { get; init; }
    public int DefinitionVersion { get; init; }
    public string? ParentWorkflowInstanceId { get; init; }
    public string? CorrelationId { get; init; }
    public string? Name { get; init; }
    public WorkflowStatus Status { get; init; }
    public WorkflowSubStatus SubStatus { get; init; }
    public bool IsExecuting { get; init; }
    public bool IsSystem { get; init; }
    public IReadOnlyList<BookmarkModel> Bookmarks { get; init; } = [];
    public IReadOnlyList<IncidentModel> Incidents { get; init; } = [];
    public IReadOnlyList<object> CompletionCallbacks { get; init; } = [];
    public IReadOnlyList<object> ActivityExecutionContexts { get; init; } = [];
    public IReadOnlyList<object> ScheduledActivities { get; init; } = [];
    public long ExecutionLogSequence { get; init; }
    public IReadOnlyDictionary<string, object?> Input { get; init; } = new Dictionary<string, object?>();
    public IReadOnlyDictionary<string, object?> Output { get; init; } = new Dictionary<string, object?>();
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = new Dictionary<string, object?>();
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>
/// Elsa's <c>Bookmark</c>: <see cref="Name"/> is the kind (e.g. <c>Elsa.RunTask</c>), <see cref="Hash"/> the key.
/// <see cref="Id"/> is a resume token, so it is left out (null) for readers without the work role.
/// </summary>
public sealed record BookmarkModel(
    string? Id,
    string Name,
    string Hash,
    object? Payload,
    string ActivityId,
    string ActivityNodeId,
    string? ActivityInstanceId,
    DateTimeOffset CreatedAt,
    bool AutoBurn,
    IReadOnlyDictionary<string, string>? Metadata);

/// <summary>Elsa's <c>ActivityIncident</c> (an Itsm fault).</summary>
public sealed record IncidentModel(
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    string Message,
    ExceptionModel? Exception,
    DateTimeOffset Timestamp);

/// <summary>Elsa's <c>ExceptionState</c>, without a stack trace: clients never see server internals.</summary>
public sealed record ExceptionModel(string Type, string Message);
