using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using System.Security.Claims;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Tasks;

/// <summary>
/// Itsm's task inbox: open human tasks, newest first, narrowed by role or instance. Keyset-paged: pass the
/// previous page's <c>next</c> as <c>after</c>, which stays fast however deep the inbox is.
/// <c>mine=true</c> shows only tasks for a role the caller holds (the ITIL roles a person performs are role
/// claims too); it is the default for people who are neither managers, process owners nor admins.
/// </summary>
[Route(ElsaApi.ItsmRoot + "/tasks")]
[Tags("Tasks")]
public sealed class TaskInboxController(IWorkflowQueries queries) : WorkApiController
{
    public const int MaxPageSize = 200;
    private const int DefaultPageSize = 50;

    [HttpGet]
    public async Task<ActionResult<TaskPage>> List(
        [FromQuery] string? role, [FromQuery] string? instanceId, [FromQuery] string? after, [FromQuery] int? pageSize,
        [FromQuery] bool? mine, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
            return this.FieldProblem("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        var size = pageSize ?? DefaultPageSize;

        // One row more than asked tells whether another page exists without a count query.
        var rows = await queries.ListTasksAsync(new TaskQuery
        {
            Role = string.IsNullOrWhiteSpace(role) ? null : role,
            InstanceId = string.IsNullOrWhiteSpace(instanceId) ? null : instanceId,
            Roles = mine ?? SeesOnlyOwnTasks(User) ? OwnRoles(User) : null,
            After = string.IsNullOrWhiteSpace(after) ? null : after,
            PageSize = size + 1,
        }, cancellationToken).ConfigureAwait(false);

        var items = rows.Take(size).Select(TaskModel.From).ToList();
        return new TaskPage(items, rows.Count > size ? items[^1].Id : null);
    }

    private static bool SeesOnlyOwnTasks(ClaimsPrincipal user)
        => !user.IsInRole(ItsmRoles.Admin) && !user.IsInRole(ItsmRoles.Manager) && !user.IsInRole(ItsmRoles.ProcessOwner);

    /// <summary>The caller's roles as written and in lower case (workflows name roles in lower case, people may not).</summary>
    private static List<string> OwnRoles(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role)
        .SelectMany(claim => new[] { claim.Value, claim.Value.ToLowerInvariant() })
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
