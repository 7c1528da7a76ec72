using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>
/// Service-management records of any type (incidents, changes, configuration items, plugins' own types…) as stored,
/// read-only. The ITIL kinds have their own lists with filters, links and history (<see cref="ItilRecordsController"/>).
/// </summary>
[Route(ElsaApi.ItsmRoot + "/records/{type}")]
[Tags("Records")]
public sealed class RecordsController(IWorkflowStore store, IWorkflowQueries queries) : OperateApiController
{
    private const int MaxTake = 1000;

    [HttpGet]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<PagedListResponse<RecordModel>>> List(string type, [FromQuery] int skip = 0, [FromQuery] int take = 100, CancellationToken cancellationToken = default)
    {
        if (Paging.CheckWindow(skip, take, MaxTake) is { } invalid) return this.FieldProblem(invalid.Field, invalid.Message);
        var (items, total) = await queries.ListRecordsAsync(type, skip, take, cancellationToken).ConfigureAwait(false);
        return new PagedListResponse<RecordModel>(items.Select(RecordModel.From).ToList(), total);
    }

    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<RecordModel>> Get(string type, string id, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(type, id, cancellationToken).ConfigureAwait(false);
        return record is null ? this.NotFoundProblem($"No {type} record '{id}'.") : RecordModel.From(record);
    }
}
