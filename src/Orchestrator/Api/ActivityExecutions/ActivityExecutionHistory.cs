using System.Text.Json;
using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.WorkflowInstances;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>
/// Folds an instance's journal into activity executions. A row that suspended an activity opens an execution;
/// the next row of the same activity (resumed, completed, faulted, cancelled) belongs to it, and a final one
/// closes it. Every other row is an execution of its own. The root flowchart gets one execution of its own, made
/// from the instance row (Elsa records the flowchart as an activity too; the viewer shows it when nothing is selected).
/// </summary>
public static class ActivityExecutionHistory
{
    /// <summary>The journal sequence the root's execution id uses: real rows start at 1.</summary>
    public const long RootSequence = 0;

    public static IReadOnlyList<ActivityExecutionRecordModel> Build(
        IEnumerable<JournalRecord> journal, ActivityNodeMap nodes, InstanceSummary instance, IReadOnlyList<FaultRecord> faults)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(faults);
        var executions = new List<ActivityExecutionRecordModel> { Root(instance, nodes) };
        var open = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var entry in journal.OrderBy(row => row.Sequence))
        {
            // The root's own rows (a cancellation) are what its execution already says.
            if (entry.ActivityId == nodes.RootActivityId)
                continue;
            var status = StatusOf(entry.EventName);
            var stillOpen = status == ActivityStatus.Running;
            var (inputs, outputs) = DataOf(entry.Data);
            inputs = WithConstants(nodes.ConstantInputsOf(entry.ActivityId), inputs);
            if (open.Remove(entry.ActivityId, out var index))
            {
                var execution = executions[index];
                executions[index] = execution with
                {
                    Status = status,
                    HasBookmarks = IsSuspension(entry.EventName) || (execution.HasBookmarks && stillOpen),
                    CompletedAt = stillOpen ? null : entry.CompletedAt ?? entry.StartedAt,
                    AggregateFaultCount = execution.AggregateFaultCount + (status == ActivityStatus.Faulted ? 1 : 0),
                    ActivityState = inputs ?? execution.ActivityState,
                    Outputs = outputs ?? execution.Outputs,
                    Payload = Payload(entry),
                    Exception = status == ActivityStatus.Faulted ? Fault(entry, faults) : null,
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
                ActivityState = inputs,
                Outputs = outputs,
                Payload = Payload(entry),
                Exception = status == ActivityStatus.Faulted ? Fault(entry, faults) : null,
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

    /// <summary>The root flowchart's execution: it runs from the instance's start to its end, as the instance does.</summary>
    private static ActivityExecutionRecordModel Root(InstanceSummary instance, ActivityNodeMap nodes) => new()
    {
        Id = JournalReader.ExecutionId(instance.Id, RootSequence),
        WorkflowInstanceId = instance.Id,
        ActivityId = nodes.RootActivityId,
        ActivityNodeId = nodes.RootNodeId,
        ActivityType = "Elsa.Flowchart",
        ActivityName = "Flowchart1",
        StartedAt = instance.CreatedAt,
        HasBookmarks = instance.Status == InstanceStatus.Suspended,
        Status = instance.Status switch
        {
            InstanceStatus.Finished => ActivityStatus.Completed,
            InstanceStatus.Cancelled => ActivityStatus.Canceled,
            InstanceStatus.Faulted => ActivityStatus.Faulted,
            _ => ActivityStatus.Running,
        },
        AggregateFaultCount = instance.FaultCount,
        CompletedAt = instance.FinishedAt,
        Payload = new Dictionary<string, object?>(StringComparer.Ordinal) { ["startedAt"] = instance.CreatedAt },
    };

    /// <summary>The journal payload in Elsa's terms: the ports left through are <c>Outcomes</c>, as Elsa's journal data names them.</summary>
    private static Dictionary<string, object?> Payload(JournalRecord entry)
    {
        var payload = JournalReader.Payload(entry);
        if (payload.Remove("outcomes", out var outcomes))
            payload["Outcomes"] = entry.Outcome!.Split(',');
        return payload;
    }

    /// <summary>Inputs and outputs from the row's data, keyed as the descriptors spell them (Pascal case: Studio looks them up so).</summary>
    private static (Dictionary<string, object?>? Inputs, Dictionary<string, object?>? Outputs) DataOf(string? data)
    {
        if (string.IsNullOrEmpty(data))
            return (null, null);
        try
        {
            if (PlainJson.Parse(data) is not IDictionary<string, object?> parsed)
                return (null, null);
            return (Section(parsed, JournalDataKeys.Inputs), Section(parsed, JournalDataKeys.Outputs));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static Dictionary<string, object?>? Section(IDictionary<string, object?> data, string key)
        => data.TryGetValue(key, out var section) && section is IDictionary<string, object?> values
            ? values.ToDictionary(pair => Pascalize(pair.Key), pair => pair.Value, StringComparer.Ordinal)
            : null;

    /// <summary>The step's literal inputs (from the definition) under what its row kept (the evaluated ones).</summary>
    private static Dictionary<string, object?>? WithConstants(IReadOnlyDictionary<string, object?>? constants, Dictionary<string, object?>? kept)
    {
        if (constants is null) return kept;
        var inputs = constants.ToDictionary(pair => Pascalize(pair.Key), pair => pair.Value, StringComparer.Ordinal);
        if (kept is not null)
            foreach (var (name, value) in kept) inputs[name] = value;
        return inputs;
    }

    private static string Pascalize(string name) => name.Length == 0 || char.IsUpper(name[0]) ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static ActivityStatus StatusOf(string eventName) => eventName switch
    {
        JournalEvents.Completed => ActivityStatus.Completed,
        JournalEvents.Faulted => ActivityStatus.Faulted,
        JournalEvents.Cancelled => ActivityStatus.Canceled,
        _ => ActivityStatus.Running,
    };

    private static bool IsSuspension(string eventName) => eventName == JournalEvents.Suspended;

    /// <summary>The fault's kind (<c>JavaScriptError</c>, <c>InvalidValue</c>, …) from the instance's fault list, and its message.</summary>
    private static ExceptionModel Fault(JournalRecord entry, IReadOnlyList<FaultRecord> faults)
    {
        var at = entry.CompletedAt ?? entry.StartedAt;
        var fault = faults.Where(candidate => candidate.ActivityId == entry.ActivityId && candidate.OccurredAt <= at)
            .OrderByDescending(candidate => candidate.OccurredAt).FirstOrDefault();
        return new ExceptionModel(fault?.ExceptionType ?? "Fault", fault?.Message ?? entry.Summary ?? "The activity faulted.");
    }
}
