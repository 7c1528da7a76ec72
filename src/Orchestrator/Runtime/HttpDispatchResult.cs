using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

public enum HttpDispatchOutcome
{
    NoRoute,
    MethodNotAllowed,
    Started,
    Resumed,
    /// <summary>The route's waiting step belongs to a Faulted instance: nothing runs until it is retried (409).</summary>
    InstanceFaulted,
    /// <summary>The published version listening on the route does not compile (422).</summary>
    InvalidDefinition,
}

/// <summary>What a request on a webhook route did: the instance it started or resumed and the workflow's own answer, if any.</summary>
public sealed record HttpDispatchResult(HttpDispatchOutcome Outcome, WorkflowState? State, HttpResponseSpec? HttpResponse)
{
    /// <summary>Why nothing ran, for the outcomes that are refusals.</summary>
    public string? Message { get; init; }
}
