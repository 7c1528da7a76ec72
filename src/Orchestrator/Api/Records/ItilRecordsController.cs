using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Records;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>
/// The ITIL record lists (<c>/api/incidents</c>, <c>/api/changes</c>, … one route per <see cref="RecordKinds"/> entry):
/// newest first, keyset-paged by an opaque cursor, filtered by status, priority, linked configuration item, instance and
/// text; and one record by number or id with its links both ways and its history. Read for anyone signed in.
/// </summary>
[Route(ElsaApi.ItsmRoot + "/{kind:" + RecordKinds.RouteConstraint + "}")]
[Tags("ITIL records")]
public sealed class ItilRecordsController(RecordQueries queries) : OperateApiController
{
    private const int MaxFilterLength = 200;

    [HttpGet]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ItilRecordPage>> List(
        string kind,
        [FromQuery] string? status = null,
        [FromQuery] string? priority = null,
        [FromQuery] string? ci = null,
        [FromQuery] string? instanceId = null,
        [FromQuery] string? q = null,
        [FromQuery] string? cursor = null,
        [FromQuery] int pageSize = 50,
        CancellationToken cancellationToken = default)
    {
        var recordKind = RecordKinds.ByRoute(kind)!;
        foreach (var (field, value) in (ReadOnlySpan<(string, string?)>)[("status", status), ("priority", priority), ("ci", ci), ("instanceId", instanceId), ("q", q)])
            if (value is { Length: > MaxFilterLength }) return this.FieldProblem(field, $"A filter is at most {MaxFilterLength} characters.");
        if (pageSize is < 1 or > RecordListQuery.MaxPageSize)
            return this.FieldProblem("pageSize", $"The page size is from 1 to {RecordListQuery.MaxPageSize}.");
        RecordCursor? after = null;
        if (cursor is not null && !RecordCursor.TryDecode(cursor, out after))
            return this.FieldProblem("cursor", "Not a cursor of this list: pass the 'next' value of the previous page.");

        // A CI may be named by its number, as people do; links keep ids.
        var ciId = ci;
        if (!string.IsNullOrWhiteSpace(ci))
            ciId = await queries.FindIdAsync(Activities.Itil.RecordTypes.ConfigurationItem, ci, cancellationToken).ConfigureAwait(false) ?? ci;

        var page = await queries.ListAsync(new RecordListQuery(recordKind.RecordType)
        {
            Status = Blank(status),
            Priority = Blank(priority),
            Ci = Blank(ciId),
            InstanceId = Blank(instanceId),
            Text = Blank(q),
            After = after,
            PageSize = pageSize,
        }, cancellationToken).ConfigureAwait(false);
        return new ItilRecordPage(page.Items.Select(ItilRecordModel.From).ToList(), page.Next);
    }

    [HttpGet("{key}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ItilRecordDetailsModel>> Get(string kind, string key, CancellationToken cancellationToken)
    {
        var recordKind = RecordKinds.ByRoute(kind)!;
        var details = await queries.FindAsync(recordKind.RecordType, key, cancellationToken).ConfigureAwait(false);
        if (details is null) return this.NotFoundProblem($"No {recordKind.RecordType} '{key}'.");
        RecordVersionTag.Set(Response, details.Record.Version);
        return ItilRecordDetailsModel.From(details);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
