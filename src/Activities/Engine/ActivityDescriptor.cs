using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// What the engine and the designer know about an activity type, derived once from its declarations.
/// <see cref="Inputs"/> are in binding order: a compiled node's input slots line up with them.
/// </summary>
public sealed record ActivityDescriptor(
    string TypeName,
    string Namespace,
    string Name,
    string DisplayName,
    string Category,
    string? Description,
    ActivityKind Kind,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    bool HasDynamicOutcomes,
    Type ActivityType,
    Type? InputRecordType)
{
    public bool IsTrigger => Kind == ActivityKind.Trigger;

    /// <summary>The ITIL tags the type declares (<see cref="Itil.ItilTagsAttribute"/>); a node's own tags replace them tag by tag.</summary>
    public NodeTags DefaultTags { get; init; } = NodeTags.None;
}

public sealed record InputDescriptor(
    string Name,
    string PropertyName,
    Type Type,
    string TypeName,
    string DisplayName,
    string? Description,
    string UIHint,
    string? Category,
    IReadOnlyList<string>? Options,
    object? DefaultValue,
    bool IsRaw,
    int Order)
{
    /// <summary>The expression syntax the designer offers first; null: Literal.</summary>
    public string? DefaultSyntax { get; init; }
}

public sealed record OutputDescriptor(string Name, Type Type, string TypeName, string? Description);
