using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>
/// Itsm's task inbox: open human tasks, newest first, narrowed by role or instance. Keyset-paged: pass the
/// previous page's <c>next</c> as <c>after</c>, which stays fast however deep the inbox is.
/// </summary>
[Route(ElsaApi.ItsmRoot + "/tasks")]
[Tags("Tasks")]
public sealed class TaskInboxController(IWorkflowStore store) : WorkApiController
{
    public const int MaxPageSize = 200;
    private const int DefaultPageSize = 50;

    [HttpGet]
    public async Task<ActionResult<TaskPage>> List(
        [FromQuery] string? role, [FromQuery] string? instanceId, [FromQuery] string? after, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
            return this.FieldProblem("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        var size = pageSize ?? DefaultPageSize;

        // One row more than asked tells whether another page exists without a count query.
        var rows = await store.ListTasksAsync(new TaskQuery
        {
            Role = string.IsNullOrWhiteSpace(role) ? null : role,
            InstanceId = string.IsNullOrWhiteSpace(instanceId) ? null : instanceId,
            After = string.IsNullOrWhiteSpace(after) ? null : after,
            PageSize = size + 1,
        }, cancellationToken).ConfigureAwait(false);

        var items = rows.Take(size).Select(TaskModel.From).ToList();
        return new TaskPage(items, rows.Count > size ? items[^1].Id : null);
    }
}
