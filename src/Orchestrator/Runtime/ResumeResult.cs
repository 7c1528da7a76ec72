using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

public enum ResumeOutcome
{
    Resumed,
    /// <summary>No such bookmark: unknown, or consumed by an earlier resume (answered "already resumed").</summary>
    NotFound,
}

public sealed record ResumeResult(ResumeOutcome Outcome, WorkflowState? State, HttpResponseSpec? HttpResponse)
{
    public string? InstanceId => State?.InstanceId;
}
