using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.Events;

/// <summary>
/// Elsa's event trigger: delivers a named event to the instances waiting on <c>Elsa.Event</c> (and starts
/// workflows it triggers). Runs synchronously and answers which instances it reached, so a caller can tell
/// "delivered" from "nobody was waiting".
/// </summary>
[Route(ElsaApi.Root + "/events")]
[Tags("Events")]
public sealed partial class EventsController(IWorkflowRuntime runtime, ILogger<EventsController> logger) : WorkApiController
{
    [HttpPost("{eventName}/trigger")]
    public async Task<ActionResult<TriggerEventResponse>> Trigger(
        string eventName, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TriggerEventRequest? request, CancellationToken cancellationToken)
    {
        if (request?.CorrelationId is { Length: > Webhooks.WebhookOptions.MaxCorrelationIdLength })
            return this.FieldProblem("correlationId", $"A correlation id is at most {Webhooks.WebhookOptions.MaxCorrelationIdLength} characters.");
        var results = await runtime.TriggerEventAsync(new EventRequest(eventName)
        {
            CorrelationId = string.IsNullOrWhiteSpace(request?.CorrelationId) ? null : request.CorrelationId,
            InstanceId = string.IsNullOrWhiteSpace(request?.WorkflowInstanceId) ? null : request.WorkflowInstanceId,
            Input = JsonInput.ToPlain(request?.Input),
        }, cancellationToken).ConfigureAwait(false);

        var reached = results
            .Where(result => result.Outcome == ResumeOutcome.Resumed)
            .Select(result => new ResumedInstanceResponse(result.InstanceId, result.State?.Status))
            .ToList();
        LogTriggered(logger, eventName, request?.CorrelationId, reached.Count);
        return new TriggerEventResponse(reached);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventName} (correlation {CorrelationId}) reached {InstanceCount} instances")]
    private static partial void LogTriggered(ILogger logger, string eventName, string? correlationId, int instanceCount);
}
