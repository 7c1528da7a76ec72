using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Timers;

namespace Itsm.Orchestrator.Outbox;

/// <summary>Arms an instance's timers again (after a retry, so timers that fell due while it was faulted fire). Idempotent.</summary>
public sealed class ArmTimersHandler(IWorkflowStore store, TimerHorizon timers) : IOutboxHandler
{
    public string Kind => OutboxKinds.ArmTimers;

    public async Task HandleAsync(OutboxRecord item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read<OutboxPayloads.ArmTimers>(item.PayloadJson);
        foreach (var bookmark in await store.ListBookmarksOfInstanceAsync(payload.InstanceId, cancellationToken))
            if (bookmark.ResumeAt is { } dueAt)
                timers.Arm(bookmark.InstanceId, bookmark.Id, dueAt, again: true);
    }
}
