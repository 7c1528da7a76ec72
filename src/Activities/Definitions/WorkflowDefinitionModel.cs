using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Itsm.Activities.Definitions;

/// <summary>
/// An Elsa 3 workflow definition as it travels in JSON (exports, the designer's saves, <c>workflows/*.json</c>).
/// Fields Itsm does not interpret are kept (<see cref="Extra"/>, the raw <see cref="Root"/>) so a definition
/// reads back exactly as it was written.
/// </summary>
public sealed record WorkflowDefinitionModel
{
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    public string? Id { get; init; }
    public string? DefinitionId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public int Version { get; init; }
    public string? ToolVersion { get; init; }
    public List<VariableDefinitionModel>? Variables { get; init; }
    public JsonArray? Inputs { get; init; }
    public JsonArray? Outputs { get; init; }
    public JsonArray? Outcomes { get; init; }
    public JsonObject? CustomProperties { get; init; }
    public bool? IsReadonly { get; init; }
    public bool? IsSystem { get; init; }
    public bool IsLatest { get; init; }
    public bool IsPublished { get; init; }
    public JsonObject? Options { get; init; }
    public JsonObject? Root { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}
