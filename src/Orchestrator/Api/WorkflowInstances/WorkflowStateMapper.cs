using System.Globalization;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>Itsm's <see cref="WorkflowState"/> (and its stored faults) in Elsa's shape.</summary>
public static class WorkflowStateMapper
{
    /// <param name="faults">Stored faults (Elsa's incidents); when null the state's current fault is the only one.</param>
    /// <param name="showResumeTokens">
    /// False for readers without the work role: bookmark ids are resume tokens, so they are left out, and so are
    /// their occurrences in variables, input and output (where flows keep the callback URLs they hand out).
    /// </param>
    public static WorkflowStateModel ToModel(WorkflowState state, ActivityNodeMap nodes, IReadOnlyList<FaultRecord>? faults = null, bool showResumeTokens = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(nodes);
        var (status, subStatus) = ElsaWorkflowStatus.From(state.Status);
        var redactor = new Bookmarks.BookmarkIdRedactor(showResumeTokens ? [] : state.Bookmarks.Select(bookmark => bookmark.Id));
        return new WorkflowStateModel
        {
            Id = state.InstanceId,
            DefinitionId = state.DefinitionId,
            DefinitionVersionId = state.DefinitionVersionId,
            DefinitionVersion = state.Version,
            ParentWorkflowInstanceId = state.ParentInstanceId,
            CorrelationId = state.CorrelationId,
            Name = state.Name,
            Status = status,
            SubStatus = subStatus,
            Bookmarks = state.Bookmarks.Select(bookmark =>
            {
                var model = ToModel(bookmark, nodes);
                return showResumeTokens ? model : model with { Id = null };
            }).ToList(),
            Incidents = faults is not null
                ? faults.Select(fault => ToModel(fault, nodes)).ToList()
                : state.Fault is { } fault ? [ToModel(fault, nodes)] : [],
            ExecutionLogSequence = state.JournalSequence,
            Input = redactor.Redact(state.Input ?? new Dictionary<string, object?>()),
            Output = redactor.Redact(state.Output ?? new Dictionary<string, object?>()),
            Variables = redactor.Redact(state.Variables),
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
            FinishedAt = state.FinishedAt,
        };
    }

    public static BookmarkModel ToModel(BookmarkState bookmark, ActivityNodeMap nodes)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (bookmark.Task?.Role is { } role) metadata["role"] = role;
        if (bookmark.Task?.Title is { } title) metadata["title"] = title;
        if (bookmark.Task?.DueAt is { } dueAt) metadata["dueAt"] = dueAt.ToString("O", CultureInfo.InvariantCulture);
        if (bookmark.ResumeAt is { } resumeAt) metadata["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture);
        return new BookmarkModel(bookmark.Id, bookmark.Kind, bookmark.Key ?? "", bookmark.Payload, bookmark.ActivityId,
            nodes.NodeIdOf(bookmark.ActivityId), null, bookmark.CreatedAt, AutoBurn: true, metadata.Count > 0 ? metadata : null);
    }

    private static IncidentModel ToModel(FaultRecord fault, ActivityNodeMap nodes)
        => new(fault.ActivityId, nodes.NodeIdOf(fault.ActivityId), fault.ActivityType, fault.Message,
            fault.ExceptionType is { } type ? new ExceptionModel(type, fault.Message) : null, fault.OccurredAt);

    private static IncidentModel ToModel(FaultState fault, ActivityNodeMap nodes)
        => new(fault.ActivityId, nodes.NodeIdOf(fault.ActivityId), fault.ActivityType, fault.Message,
            fault.ExceptionType is { } type ? new ExceptionModel(type, fault.Message) : null, fault.OccurredAt);
}
