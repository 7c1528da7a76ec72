using System.Diagnostics.CodeAnalysis;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Delivers a published event. Idempotent: only waits that existed when the event was published are resumed (a
/// redelivery cannot resume a wait created after the first delivery), and workflows the event starts get instance
/// ids derived from the delivery, so a redelivery finds them started.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "Handles the DeliverEvent outbox kind (an IOutboxHandler), not a .NET event-handler delegate.")]
public sealed class DeliverEventHandler(IWorkflowRuntime runtime) : IOutboxHandler
{
    public string Kind => OutboxKinds.DeliverEvent;

    public async Task HandleAsync(OutboxRecord item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read<OutboxPayloads.DeliverEvent>(item.PayloadJson);
        await runtime.TriggerEventAsync(new EventRequest(payload.EventName)
        {
            CorrelationId = payload.CorrelationId,
            Input = OutboxPayloads.Plain(payload.Payload),
            PublishedAt = payload.PublishedAt,
            DeliveryId = item.Id,
        }, cancellationToken);
    }
}
