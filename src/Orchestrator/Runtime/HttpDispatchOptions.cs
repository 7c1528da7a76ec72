namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// How to route one webhook request: its correlation id and an optional gate that sees the start or resume point
/// the request matched before anything runs (signatures, authorization, body checks, idempotency live there,
/// in the HTTP layer, so the runtime stays free of them).
/// </summary>
public sealed record HttpDispatchOptions
{
    public string? CorrelationId { get; init; }

    /// <summary>Asked once per matched point, before it starts or resumes; a refusal stops the dispatch with <see cref="HttpDispatchOutcome.Refused"/>.</summary>
    public Func<HttpDispatchTarget, CancellationToken, ValueTask<HttpGateDecision>>? Gate { get; init; }
}
