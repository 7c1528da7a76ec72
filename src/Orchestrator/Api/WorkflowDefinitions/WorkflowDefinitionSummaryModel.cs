using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>Elsa's <c>LinkedWorkflowDefinitionSummary</c>: one row of the definitions list.</summary>
public sealed record WorkflowDefinitionSummaryModel(
    string Id,
    string DefinitionId,
    string? Name,
    string? Description,
    int Version,
    bool IsLatest,
    bool IsPublished,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Link> Links)
{
    public string ProviderName => "Default";
    public string MaterializerName => "Json";
    public bool IsMaterializerAvailable => true;
    public bool IsReadonly => false;
    public bool IsSystem => false;

    public static WorkflowDefinitionSummaryModel From(DefinitionRecord record, bool canEdit)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.DefinitionId, record.Name, record.Description, record.Version, record.IsLatest,
            record.IsPublished, record.CreatedAt, WorkflowDefinitionLinks.ForDefinition(record.DefinitionId, isReadonly: !canEdit));
    }
}
