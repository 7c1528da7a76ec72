namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>Elsa's <c>ActivityExecutionRecordSummary</c>: an execution without its payload.</summary>
public sealed record ActivityExecutionSummaryModel(
    string Id,
    string WorkflowInstanceId,
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    int ActivityTypeVersion,
    string? ActivityName,
    DateTimeOffset StartedAt,
    bool HasBookmarks,
    ActivityStatus Status,
    int AggregateFaultCount,
    DateTimeOffset? CompletedAt)
{
    public static ActivityExecutionSummaryModel From(ActivityExecutionRecordModel record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.WorkflowInstanceId, record.ActivityId, record.ActivityNodeId, record.ActivityType,
            record.ActivityTypeVersion, record.ActivityName, record.StartedAt, record.HasBookmarks, record.Status,
            record.AggregateFaultCount, record.CompletedAt);
    }
}
