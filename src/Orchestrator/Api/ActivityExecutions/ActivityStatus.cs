namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>Elsa's <c>ActivityStatus</c> (spelling included).</summary>
public enum ActivityStatus
{
    Pending,
    Running,
    Completed,
    Canceled,
    Faulted,
}
