using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// An instance's journal in Elsa's shape, oldest first. Paging is skip/take or page/pageSize (Elsa accepts
/// both); Studio's instance viewer posts a filter and pages with skip/take in the query. Itsm adds the ITIL tag
/// filters <c>valueChain</c>, <c>practice</c> and <c>role</c> (query parameters, on both verbs).
/// </summary>
[Route(ElsaApi.Root + "/workflow-instances/{id}/journal")]
[Tags("Workflow instances")]
public sealed class WorkflowInstanceJournalController(IWorkflowStore store, IWorkflowQueries queries, IWorkflowDefinitionService definitions) : OperateApiController
{
    private const int DefaultTake = 100;

    [HttpGet]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<ActionResult<PagedListResponse<ExecutionLogRecordModel>>> List(
        string id, [FromQuery] int? skip, [FromQuery] int? take, [FromQuery] int? page, [FromQuery] int? pageSize,
        [FromQuery] string? valueChain, [FromQuery] string? practice, [FromQuery] string? role, CancellationToken cancellationToken)
        => ReadAsync(id, null, new(valueChain, practice, role), skip, take, page, pageSize, cancellationToken);

    [HttpPost]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<ActionResult<PagedListResponse<ExecutionLogRecordModel>>> Filter(
        string id,
        [FromQuery] int? skip,
        [FromQuery] int? take,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] JournalFilterRequest? request,
        [FromQuery] string? valueChain,
        [FromQuery] string? practice,
        [FromQuery] string? role,
        CancellationToken cancellationToken)
        => ReadAsync(id, request?.Filter, new(valueChain, practice, role), request?.Skip ?? skip, request?.Take ?? take, request?.Page ?? page, request?.PageSize ?? pageSize, cancellationToken);

    private async Task<ActionResult<PagedListResponse<ExecutionLogRecordModel>>> ReadAsync(
        string id, JournalFilter? filter, JournalTagFilter requestedTags, int? skip, int? take, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (JournalTagFilterParser.TryParse(requestedTags.ValueChain, requestedTags.Practice, requestedTags.Role, out var tags) is { } tagError)
            return this.FieldProblem(tagError.Field, tagError.Message);
        if (skip is < 0) return this.FieldProblem("skip", "Skip cannot be negative.");
        if (take is < 0 or > JournalReader.MaxEntries) return this.FieldProblem("take", $"Take must be between 0 and {JournalReader.MaxEntries}.");
        if (page is < 0) return this.FieldProblem("page", "The page index starts at 0.");
        if (pageSize is < 1 or > JournalReader.MaxEntries) return this.FieldProblem("pageSize", $"The page size must be between 1 and {JournalReader.MaxEntries}.");
        if ((Paging.CheckSkip(skip, take, DefaultTake) ?? Paging.CheckPage(page, pageSize, DefaultTake)) is { } overflow)
            return this.FieldProblem(overflow.Field, overflow.Message);

        var instance = await store.FindInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (instance is null)
            return this.NotFoundProblem($"Workflow instance '{id}' does not exist.");

        var (offset, count) = skip is not null || take is not null
            ? (skip ?? 0, take ?? DefaultTake)
            : page is not null || pageSize is not null
                ? ((page ?? 0) * (pageSize ?? DefaultTake), pageSize ?? DefaultTake)
                : (0, JournalReader.MaxEntries);

        var nodes = await ActivityNodeMap.LoadAsync(definitions, instance.DefinitionVersionId, cancellationToken).ConfigureAwait(false);
        if ((filter is null || filter.IsEmpty) && tags.IsEmpty)
        {
            var total = await queries.CountJournalAsync(id, cancellationToken).ConfigureAwait(false);
            var rows = count == 0 ? [] : await queries.ListJournalAsync(id, offset, count, cancellationToken).ConfigureAwait(false);
            return new PagedListResponse<ExecutionLogRecordModel>(rows.Select(row => JournalReader.ToModel(row, nodes)).ToList(), total);
        }

        var all = await JournalReader.ReadAllAsync(queries, id, cancellationToken).ConfigureAwait(false);
        var matching = all.Where(row => (filter is null || JournalReader.Matches(row, filter, nodes)) && tags.Matches(row.Tags)).ToList();
        return new PagedListResponse<ExecutionLogRecordModel>(
            matching.Skip(offset).Take(count).Select(row => JournalReader.ToModel(row, nodes)).ToList(), matching.Count);
    }
}
