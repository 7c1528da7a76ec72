using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>Elsa's <c>WorkflowStatus</c>.</summary>
public enum WorkflowStatus
{
    Running,
    Finished,
}

/// <summary>Elsa's <c>WorkflowSubStatus</c>.</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
    Interrupted,
}

/// <summary>
/// Itsm keeps one flat <see cref="InstanceStatus"/>; Elsa shows a status/sub-status pair (a faulted run is
/// Finished/Faulted). This is the one place the two are translated, both for answers and for list filters.
/// </summary>
public static class ElsaWorkflowStatus
{
    private static readonly InstanceStatus[] AllStatuses = Enum.GetValues<InstanceStatus>();

    public static (WorkflowStatus Status, WorkflowSubStatus SubStatus) From(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => (WorkflowStatus.Running, WorkflowSubStatus.Executing),
        InstanceStatus.Suspended => (WorkflowStatus.Running, WorkflowSubStatus.Suspended),
        InstanceStatus.Finished => (WorkflowStatus.Finished, WorkflowSubStatus.Finished),
        InstanceStatus.Cancelled => (WorkflowStatus.Finished, WorkflowSubStatus.Cancelled),
        InstanceStatus.Faulted => (WorkflowStatus.Finished, WorkflowSubStatus.Faulted),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown instance status."),
    };

    /// <summary>
    /// The Itsm statuses an Elsa filter selects; null when nothing narrows the list. Several statuses or
    /// sub-statuses are alternatives; a status and a sub-status must both hold. Pending and Interrupted
    /// never occur in Itsm, so they select nothing (an empty list, not "no filter").
    /// </summary>
    public static IReadOnlyList<InstanceStatus>? Matching(IEnumerable<WorkflowStatus>? statuses, IEnumerable<WorkflowSubStatus>? subStatuses)
    {
        var statusSet = statuses?.ToHashSet();
        var subStatusSet = subStatuses?.ToHashSet();
        if (statusSet is not { Count: > 0 } && subStatusSet is not { Count: > 0 })
            return null;
        return AllStatuses
            .Where(status =>
            {
                var (elsaStatus, elsaSubStatus) = From(status);
                return (statusSet is not { Count: > 0 } || statusSet.Contains(elsaStatus))
                    && (subStatusSet is not { Count: > 0 } || subStatusSet.Contains(elsaSubStatus));
            })
            .ToList();
    }
}
