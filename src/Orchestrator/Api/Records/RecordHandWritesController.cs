using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil;
using Itsm.Activities.Ports;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Records;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Records;

/// <summary>
/// The records a person writes by hand: register an improvement, create and update configuration items and assets
/// (stock count, reorder threshold). The body is the record's data, checked by the kind's <see cref="RecordForm"/>;
/// the change commits through the store with its links and a history row naming the caller. Agents and up.
/// </summary>
[Route(ElsaApi.ItsmRoot + "/{kind:" + RecordKinds.WritableRouteConstraint + "}")]
[Tags("ITIL records")]
public sealed class RecordHandWritesController(RecordQueries queries, RecordWriter writer, IRecordNumbers numbers) : WorkApiController
{
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ItilRecordDetailsModel>> Create(string kind, [FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        var recordKind = RecordKinds.ByRoute(kind)!;
        var (data, problem) = await CheckAsync(recordKind, body, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;

        var id = Ids.New();
        data![RecordFields.Number] = await numbers.NextAsync(recordKind.RecordType, cancellationToken).ConfigureAwait(false);
        // A registered improvement starts the continual improvement stream, whoever registered it: the event commits
        // with the record and is delivered after it.
        IReadOnlyList<(string, object?)> publish = recordKind.RecordType == RecordTypes.Improvement
            ? [(ItilEvents.ImprovementRegistered, new Dictionary<string, object?> { ["improvementId"] = id, ["number"] = data[RecordFields.Number]!.GetValue<string>(), ["source"] = "person" })]
            : [];
        await writer.WriteAsync([writer.ByHand(recordKind.RecordType, id, data, ItsmPrincipals.ActorOf(User))], cancellationToken, publish).ConfigureAwait(false);
        var details = await queries.FindAsync(recordKind.RecordType, id, cancellationToken).ConfigureAwait(false);
        return CreatedAtAction(nameof(ItilRecordsController.Get), "ItilRecords", new { kind = recordKind.Route, key = id }, ItilRecordDetailsModel.From(details!));
    }

    /// <summary>
    /// Replaces the record's data (its number stays). With <c>If-Match</c> (the <c>ETag</c> a read returned) the change is
    /// refused with 412 when the record moved since; without it, it is still made from the version read here, so a step
    /// changing the record meanwhile is never overwritten unseen (409, try again).
    /// </summary>
    [HttpPut("{key}")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    [ProducesResponseType(StatusCodes.Status412PreconditionFailed)]
    public async Task<ActionResult<ItilRecordDetailsModel>> Update(string kind, string key, [FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        var recordKind = RecordKinds.ByRoute(kind)!;
        var existing = await queries.FindAsync(recordKind.RecordType, key, cancellationToken).ConfigureAwait(false);
        if (existing is null) return this.NotFoundProblem($"No {recordKind.RecordType} '{key}'.");
        var (data, problem) = await CheckAsync(recordKind, body, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;

        var record = existing.Record;
        if (!RecordVersionTag.Allows(Request, record.Version)) return Moved(record);
        if (record.Number is { } number) data![RecordFields.Number] = number;
        try
        {
            await writer.WriteAsync([writer.ByHand(record.RecordType, record.RecordId, data!, ItsmPrincipals.ActorOf(User)) with { ExpectedVersion = record.Version }],
                cancellationToken).ConfigureAwait(false);
        }
        catch (RecordConflictException) when (Request.Headers.IfMatch.Count > 0)
        {
            return Moved(record);
        }

        var details = await queries.FindAsync(record.RecordType, record.RecordId, cancellationToken).ConfigureAwait(false);
        RecordVersionTag.Set(Response, details!.Record.Version);
        return ItilRecordDetailsModel.From(details);
    }

    private ObjectResult Moved(ItilRecord record) => Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
        detail: $"The {record.RecordType} changed since it was read (If-Match); read it again and make the change on what is there now.");

    /// <summary>The form's checks, then every link must name a stored record (by id or number; stored by id).</summary>
    private async Task<(JsonObject? Data, ActionResult? Problem)> CheckAsync(RecordKind kind, JsonElement body, CancellationToken cancellationToken)
    {
        var (data, field, error) = kind.Form!.Check(body);
        if (data is null) return (null, this.FieldProblem(field!, error!));
        if (data[RecordFields.Links] is JsonArray links)
        {
            for (var i = 0; i < links.Count; i++)
            {
                var link = (JsonObject)links[i]!;
                var (type, target) = (link["type"]!.GetValue<string>(), link["id"]!.GetValue<string>());
                if (await queries.FindIdAsync(type, target, cancellationToken).ConfigureAwait(false) is not { } id)
                    return (null, this.FieldProblem($"{RecordFields.Links}[{i}].id", $"No {type} '{target}'."));
                link["id"] = id;
            }
        }

        return (data, null);
    }
}
