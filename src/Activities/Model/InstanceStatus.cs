namespace Itsm.Activities.Model;

/// <summary>
/// Where a workflow instance stands. Elsa shows this as a status/sub-status pair
/// (a faulted run is Finished/Faulted); Itsm keeps one flat value and maps it at the API edge.
/// </summary>
public enum InstanceStatus
{
    Running = 0,
    Suspended = 1,
    Finished = 2,
    Cancelled = 3,
    Faulted = 4,
}
