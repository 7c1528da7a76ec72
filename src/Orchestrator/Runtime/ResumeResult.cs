using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

public enum ResumeOutcome
{
    Resumed,
    /// <summary>No such bookmark: unknown, or consumed by an earlier resume (answered "already resumed").</summary>
    NotFound,
    /// <summary>The bookmark exists but its instance is Faulted: nothing runs until the instance is retried (answered 409).</summary>
    InstanceFaulted,
}

public sealed record ResumeResult(ResumeOutcome Outcome, WorkflowState? State, HttpResponseSpec? HttpResponse)
{
    public string? InstanceId => State?.InstanceId;
}
