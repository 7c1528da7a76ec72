using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

public enum HttpDispatchOutcome
{
    NoRoute,
    MethodNotAllowed,
    Started,
    Resumed,
    /// <summary>The caller's gate refused the matched point; nothing ran (the gate answers the request).</summary>
    Refused,
}

/// <summary>What a request on a webhook route did: the instance it started or resumed and the workflow's own answer, if any.</summary>
public sealed record HttpDispatchResult(HttpDispatchOutcome Outcome, WorkflowState? State, HttpResponseSpec? HttpResponse);
