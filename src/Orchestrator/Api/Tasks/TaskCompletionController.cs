using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>
/// Elsa's task completion: resumes the <c>Elsa.RunTask</c> waiting under this task id, exactly once. A second
/// completion (or an unknown id) is a 404 problem that says so; it is never silently accepted, because the
/// caller would otherwise believe their result was recorded. Only someone holding the task's role, or a
/// supervisor (<see cref="WorkPermission.MayCompleteTask"/>), may complete it; the journal records who did.
/// </summary>
[Route(ElsaApi.Root + "/tasks")]
[Tags("Tasks")]
public sealed partial class TaskCompletionController(
    IWorkflowStore store,
    IWorkflowRuntime runtime,
    ILogger<TaskCompletionController> logger) : WorkApiController
{
    [HttpPost("{taskId}/complete")]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResumedInstanceResponse>> Complete(
        string taskId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CompleteTaskRequest? request, CancellationToken cancellationToken)
    {
        // A task id is a bookmark id: refuse other kinds of bookmark so this route cannot resume, say, a webhook wait.
        var bookmark = await store.FindBookmarkAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (bookmark is null || bookmark.Kind != BookmarkKinds.RunTask)
            return AlreadyResumedOrUnknown(taskId);

        var actor = ItsmPrincipals.ActorOf(User);
        if (!User.MayCompleteTask(bookmark.Task?.Role))
        {
            LogRefused(logger, taskId, bookmark.Task?.Role, actor);
            return Problem(
                detail: $"Task '{taskId}' is for the role '{bookmark.Task?.Role}'; completing it needs that role, or the manager, process-owner or admin role.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden");
        }

        var result = await runtime.ResumeBookmarkAsync(taskId, JsonInput.ToPlain(request?.Result), cancellationToken, actor).ConfigureAwait(false);
        if (result.Outcome == ResumeOutcome.NotFound)
            return AlreadyResumedOrUnknown(taskId);
        if (result.Outcome == ResumeOutcome.InstanceFaulted)
            return this.ConflictProblem($"Task '{taskId}' belongs to instance '{result.InstanceId}', which is faulted: retry or cancel the instance first.");

        LogCompleted(logger, taskId, result.InstanceId, actor);
        return new ResumedInstanceResponse(result.InstanceId, result.State?.Status);
    }

    private ObjectResult AlreadyResumedOrUnknown(string taskId)
        => this.NotFoundProblem($"Task '{taskId}' was already resumed or is unknown.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} completed by {Actor}; instance {InstanceId} resumed")]
    private static partial void LogCompleted(ILogger logger, string taskId, string? instanceId, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} (role {Role}) may not be completed by {Actor}")]
    private static partial void LogRefused(ILogger logger, string taskId, string? role, string actor);
}
