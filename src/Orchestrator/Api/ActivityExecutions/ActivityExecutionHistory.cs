using Itsm.Activities.Engine;
using Itsm.Orchestrator.Api.WorkflowInstances;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>
/// Folds an instance's journal into activity executions. A row that suspended an activity opens an execution;
/// the next row of the same activity (resumed, completed, faulted, cancelled) belongs to it, and a final one
/// closes it. Every other row is an execution of its own.
/// </summary>
public static class ActivityExecutionHistory
{
    public static IReadOnlyList<ActivityExecutionRecordModel> Build(IEnumerable<JournalRecord> journal, ActivityNodeMap nodes)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(nodes);
        var executions = new List<ActivityExecutionRecordModel>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var entry in journal.OrderBy(row => row.Sequence))
        {
            var status = StatusOf(entry.EventName);
            var stillOpen = status == ActivityStatus.Running;
            if (open.Remove(entry.ActivityId, out var index))
            {
                var execution = executions[index];
                executions[index] = execution with
                {
                    Status = status,
                    HasBookmarks = IsSuspension(entry.EventName) || (execution.HasBookmarks && stillOpen),
                    CompletedAt = stillOpen ? null : entry.CompletedAt ?? entry.StartedAt,
                    AggregateFaultCount = execution.AggregateFaultCount + (status == ActivityStatus.Faulted ? 1 : 0),
                    Payload = JournalReader.Payload(entry),
                    Exception = status == ActivityStatus.Faulted ? Fault(entry) : null,
                };
                if (stillOpen) open[entry.ActivityId] = index;
                continue;
            }

            executions.Add(new ActivityExecutionRecordModel
            {
                Id = JournalReader.ExecutionId(entry.InstanceId, entry.Sequence),
                WorkflowInstanceId = entry.InstanceId,
                ActivityId = entry.ActivityId,
                ActivityNodeId = nodes.NodeIdOf(entry.ActivityId),
                ActivityType = entry.ActivityType,
                ActivityName = entry.ActivityName,
                StartedAt = entry.StartedAt,
                HasBookmarks = IsSuspension(entry.EventName),
                Status = status,
                AggregateFaultCount = status == ActivityStatus.Faulted ? 1 : 0,
                CompletedAt = stillOpen ? null : entry.CompletedAt ?? entry.StartedAt,
                Payload = JournalReader.Payload(entry),
                Exception = status == ActivityStatus.Faulted ? Fault(entry) : null,
            });
            if (stillOpen) open[entry.ActivityId] = executions.Count - 1;
        }
        return executions;
    }

    public static ActivityExecutionStatsModel Stats(string nodeId, IEnumerable<ActivityExecutionRecordModel> executions, ActivityNodeMap nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var ofNode = executions.Where(execution => execution.ActivityNodeId == nodeId).ToList();
        var completed = ofNode.Count(execution => execution.Status == ActivityStatus.Completed);
        return new ActivityExecutionStatsModel(
            nodes.ActivityIdOf(nodeId),
            nodeId,
            ofNode.Count,
            completed,
            ofNode.Count - completed,
            IsBlocked: ofNode.Any(execution => execution.HasBookmarks && execution.Status == ActivityStatus.Running),
            IsFaulted: ofNode.Any(execution => execution.Status == ActivityStatus.Faulted),
            AggregateFaultCount: ofNode.Sum(execution => execution.AggregateFaultCount));
    }

    private static ActivityStatus StatusOf(string eventName) => eventName switch
    {
        JournalEvents.Completed => ActivityStatus.Completed,
        JournalEvents.Faulted => ActivityStatus.Faulted,
        JournalEvents.Cancelled => ActivityStatus.Canceled,
        _ => ActivityStatus.Running,
    };

    private static bool IsSuspension(string eventName) => eventName == JournalEvents.Suspended;

    private static ExceptionModel Fault(JournalRecord entry) => new("Fault", entry.Summary ?? "The activity faulted.");
}
