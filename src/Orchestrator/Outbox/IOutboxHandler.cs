using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Carries out one kind of follow-up work. Delivery is at least once: a handler must be idempotent (running an
/// item twice has the effect of running it once). Throwing keeps the item for a later attempt with the error.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The <see cref="OutboxRecord.Kind"/> this handler carries out.</summary>
    string Kind { get; }

    Task HandleAsync(OutboxRecord item, CancellationToken cancellationToken);
}
