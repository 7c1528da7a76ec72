using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Elsa's <c>LinkedWorkflowDefinitionModel</c>: a stored version's model plus its links. The version facts
/// (id, version, latest, published) come from the stored row, not from the model JSON, because the designer
/// echoes stale values back (after a publish it still sends the old version's id and <c>isPublished: true</c>).
/// Lists default to empty as Elsa sends them; Studio does not expect nulls there.
/// </summary>
public sealed record LinkedWorkflowDefinitionModel
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; init; }
    public string? ToolVersion { get; init; }
    public IReadOnlyList<VariableDefinitionModel> Variables { get; init; } = [];
    public JsonArray Inputs { get; init; } = [];
    public JsonArray Outputs { get; init; } = [];
    public JsonArray Outcomes { get; init; } = [];
    public JsonObject CustomProperties { get; init; } = [];
    public bool IsReadonly { get; init; }
    public bool IsSystem { get; init; }
    public bool IsLatest { get; init; }
    public bool IsPublished { get; init; }
    public JsonObject Options { get; init; } = [];
    public JsonObject? Root { get; init; }
    public IReadOnlyList<Link> Links { get; init; } = [];

    /// <summary>Fields Itsm does not model, kept so what the designer saved reads back unchanged.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }

    private static readonly HashSet<string> Modelled = new(
        typeof(LinkedWorkflowDefinitionModel).GetProperties().Select(p => p.Name).Append("$schema"),
        StringComparer.OrdinalIgnoreCase);

    /// <param name="canEdit">
    /// Whether the caller may design: Studio opens a definition without a publish link read-only, so the write
    /// links go only to someone allowed to use them.
    /// </param>
    public static LinkedWorkflowDefinitionModel From(WorkflowDefinitionModel model, DefinitionRecord record, bool canEdit)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(record);
        var isReadonly = model.IsReadonly ?? false;
        return new LinkedWorkflowDefinitionModel
        {
            Id = record.Id,
            DefinitionId = record.DefinitionId,
            Name = model.Name ?? record.Name,
            Description = model.Description ?? record.Description,
            CreatedAt = record.CreatedAt,
            Version = record.Version,
            ToolVersion = model.ToolVersion,
            Variables = model.Variables ?? [],
            Inputs = model.Inputs ?? [],
            Outputs = model.Outputs ?? [],
            Outcomes = model.Outcomes ?? [],
            CustomProperties = model.CustomProperties ?? [],
            IsReadonly = isReadonly,
            IsSystem = model.IsSystem ?? false,
            IsLatest = record.IsLatest,
            IsPublished = record.IsPublished,
            Options = model.Options ?? [],
            Root = model.Root,
            Links = WorkflowDefinitionLinks.ForDefinition(record.DefinitionId, isReadonly || !canEdit),
            // "links" (Studio echoes links: null) and the modelled fields must not appear twice.
            Extra = model.Extra?.Where(pair => !Modelled.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value),
        };
    }
}
