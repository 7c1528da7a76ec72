namespace Itsm.Activities.Definitions;

/// <summary>An Elsa 3 workflow variable: its default <see cref="Value"/> is a string parsed to <see cref="TypeName"/>.</summary>
public sealed record VariableDefinitionModel
{
    public string? Id { get; init; }
    public string Name { get; init; } = "";
    public string? TypeName { get; init; }
    public bool IsArray { get; init; }
    public string? Value { get; init; }
    public string? StorageDriverTypeName { get; init; }
}
