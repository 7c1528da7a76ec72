using Itsm.Orchestrator.Api.WorkflowInstances;

namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>
/// Elsa's <c>ActivityExecutionRecord</c>, rebuilt from the journal: one execution of one activity, from the row
/// that began it to the row that ended it (a suspended task and its later completion are one execution).
/// </summary>
public sealed record ActivityExecutionRecordModel
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityNodeId { get; init; }
    public required string ActivityType { get; init; }
    public int ActivityTypeVersion { get; init; } = 1;
    public string? ActivityName { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public bool HasBookmarks { get; init; }
    public ActivityStatus Status { get; init; }
    public int AggregateFaultCount { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>The step's evaluated inputs by input name (as the activity descriptor spells it).</summary>
    public IReadOnlyDictionary<string, object?>? ActivityState { get; init; }
    /// <summary>Elsa's journal data: <c>Outcomes</c> (the ports the step left through), plus Itsm's tags and actor.</summary>
    public IReadOnlyDictionary<string, object?>? Payload { get; init; }
    /// <summary>The step's output by output name (as the activity descriptor spells it).</summary>
    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }
    public IReadOnlyDictionary<string, object?>? Properties { get; init; }
    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }
    public ExceptionModel? Exception { get; init; }
}
