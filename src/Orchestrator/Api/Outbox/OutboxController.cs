using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Outbox;

/// <summary>
/// Follow-up work that has not been carried out yet — normally empty or nearly so; an item that keeps failing stays
/// here with its attempts and last error (it is never dropped) until its handler succeeds.
/// </summary>
[Route(ElsaApi.ItsmRoot + "/outbox")]
[Tags("Outbox")]
[Authorize(Policy = ItsmPolicies.Operate)]
public sealed class OutboxController(IWorkflowQueries queries) : OperateApiController
{
    private const int MaxTake = 1000;

    [HttpGet]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<PagedListResponse<OutboxItemModel>>> List([FromQuery] int skip = 0, [FromQuery] int take = 100, CancellationToken cancellationToken = default)
    {
        if (Paging.CheckWindow(skip, take, MaxTake) is { } invalid) return this.FieldProblem(invalid.Field, invalid.Message);
        var (items, total) = await queries.ListOutboxAsync(skip, take, cancellationToken).ConfigureAwait(false);
        return new PagedListResponse<OutboxItemModel>(items.Select(OutboxItemModel.From).ToList(), total);
    }
}
