using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>
/// Elsa's task completion: resumes the <c>Elsa.RunTask</c> waiting under this task id, exactly once. A second
/// completion (or an unknown id) is a 404 problem that says so; it is never silently accepted, because the
/// caller would otherwise believe their result was recorded.
/// </summary>
[Route(ElsaApi.Root + "/tasks")]
[Tags("Tasks")]
public sealed partial class TaskCompletionController(
    IWorkflowStore store,
    IWorkflowRuntime runtime,
    ILogger<TaskCompletionController> logger) : WorkApiController
{
    [HttpPost("{taskId}/complete")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResumedInstanceResponse>> Complete(
        string taskId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CompleteTaskRequest? request, CancellationToken cancellationToken)
    {
        // A task id is a bookmark id: refuse other kinds of bookmark so this route cannot resume, say, a webhook wait.
        var bookmark = await store.FindBookmarkAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (bookmark is null || bookmark.Kind != BookmarkKinds.RunTask)
            return AlreadyResumedOrUnknown(taskId);

        var result = await runtime.ResumeBookmarkAsync(taskId, JsonInput.ToPlain(request?.Result), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ResumeOutcome.NotFound)
            return AlreadyResumedOrUnknown(taskId);
        if (result.Outcome == ResumeOutcome.InstanceFaulted)
            return this.ConflictProblem($"Task '{taskId}' belongs to instance '{result.InstanceId}', which is faulted: retry or cancel the instance first.");

        LogCompleted(logger, taskId, result.InstanceId);
        return new ResumedInstanceResponse(result.InstanceId, result.State?.Status);
    }

    private ObjectResult AlreadyResumedOrUnknown(string taskId)
        => this.NotFoundProblem($"Task '{taskId}' was already resumed or is unknown.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} completed; instance {InstanceId} resumed")]
    private static partial void LogCompleted(ILogger logger, string taskId, string? instanceId);
}
