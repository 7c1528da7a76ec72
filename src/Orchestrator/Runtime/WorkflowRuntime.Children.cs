using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Definitions;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// Sub-workflows (<c>Elsa.ExecuteWorkflow</c>): a child starts in the same unit of work as the step that asked
/// for it, and a parent waiting on a child is resumed when the child ends — after the child's commit, or at
/// start-up when a crash fell between the two.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private const int MaxChildDepth = 16;

    /// <summary>
    /// Starts the children that <c>Elsa.ExecuteWorkflow</c> asked for in this unit, so parent and child commit
    /// together. A child that finishes at once (or one not waited for) resumes its parent in the same unit.
    /// </summary>
    private async Task StartChildrenAsync(UnitOfWork unit, PendingInstance parent, int depth, CancellationToken cancellationToken)
    {
        if (!RequestsChild(parent)) return;
        var handled = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var request = parent.Bursts.SelectMany(b => b.AddedBookmarks)
                .FirstOrDefault(b => b.Kind == BookmarkKinds.ExecuteWorkflow && handled.Add(b.Id) && parent.State.Bookmarks.Contains(b));
            if (request is null) return;
            var childRequest = (ChildWorkflowRequest)request.Payload!;
            object resumeInput;
            var definition = depth < MaxChildDepth
                ? await definitions.FindAsync(childRequest.WorkflowDefinitionId, VersionOptions.Published, cancellationToken)
                : null;
            if (definition is null)
            {
                resumeInput = new ChildWorkflowFailure(depth >= MaxChildDepth
                    ? $"Child workflows nest deeper than {MaxChildDepth} levels."
                    : $"Workflow '{childRequest.WorkflowDefinitionId}' has no published version.");
            }
            else
            {
                var workflow = (await definitions.GetCompiledAsync(definition.Id, cancellationToken))!;
                var state = executor.CreateState(workflow, Ids.New(), childRequest.Input, childRequest.CorrelationId);
                state.ParentInstanceId = parent.State.InstanceId;
                state.ParentBookmarkId = childRequest.WaitForCompletion ? request.Id : null;
                var child = unit.Add(state, 0, workflow);
                request = parent.RecordChild(request, childRequest with { ChildInstanceId = state.InstanceId });
                child.Bursts.Add(await executor.StartAsync(workflow, state, null, null, cancellationToken));
                await StartChildrenAsync(unit, child, depth + 1, cancellationToken);
                if (childRequest.WaitForCompletion && state.Status is not (InstanceStatus.Finished or InstanceStatus.Cancelled)) continue;
                state.ParentBookmarkId = null;
                resumeInput = new ChildWorkflowResult(state.InstanceId, state.Status, state.Output);
            }
            parent.Bursts.Add(await executor.ResumeAsync(parent.Workflow, parent.State, request.Id, resumeInput, cancellationToken));
        }
    }

    /// <summary>Whether a burst of the unit asked for a child workflow (most do not; asking costs no allocation).</summary>
    private static bool RequestsChild(PendingInstance parent)
    {
        foreach (var burst in parent.Bursts)
            foreach (var bookmark in burst.AddedBookmarks)
                if (bookmark.Kind == BookmarkKinds.ExecuteWorkflow) return true;
        return false;
    }
}
