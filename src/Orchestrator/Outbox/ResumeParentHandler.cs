using Itsm.Activities.Model;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Outbox;

/// <summary>
/// Resumes the parent waiting on a child workflow that ended. Idempotent: the parent's bookmark is consumed by the
/// first resume, so a redelivery finds nothing to do. A faulted parent keeps the item until it is retried.
/// </summary>
public sealed partial class ResumeParentHandler(IWorkflowRuntime runtime, ILogger<ResumeParentHandler> logger) : IOutboxHandler
{
    public string Kind => OutboxKinds.ResumeParent;

    public async Task HandleAsync(OutboxRecord item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read<OutboxPayloads.ResumeParent>(item.PayloadJson);
        var plain = OutboxPayloads.Plain(payload.Output);
        var output = plain as IReadOnlyDictionary<string, object?> ?? (plain as IDictionary<string, object?>)?.AsReadOnly();
        var result = await runtime.ResumeUnattendedAsync(payload.ParentBookmarkId,
            new ChildWorkflowResult(payload.ChildInstanceId, payload.Status, output), cancellationToken);
        switch (result.Outcome)
        {
            case ResumeOutcome.InstanceFaulted:
                throw new InvalidOperationException($"Parent instance '{result.InstanceId}' is faulted; the result of child '{payload.ChildInstanceId}' is delivered after it is retried.");
            case ResumeOutcome.NotFound:
                LogParentGone(logger, payload.ParentBookmarkId, payload.ChildInstanceId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Parent bookmark {BookmarkId} of child {ChildId} was already resumed or is gone")]
    private static partial void LogParentGone(ILogger logger, string bookmarkId, string childId);
}
