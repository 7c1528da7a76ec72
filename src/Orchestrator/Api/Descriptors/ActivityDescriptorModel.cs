using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's <c>ActivityDescriptor</c> as Studio's toolbox and property panel read it.</summary>
public sealed record ActivityDescriptorModel
{
    public required string TypeName { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public int Version { get; init; } = 1;
    public required string Category { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<InputDescriptorModel> Inputs { get; init; } = [];
    public IReadOnlyList<OutputDescriptorModel> Outputs { get; init; } = [];
    public ActivityKind Kind { get; init; }
    public bool RunAsynchronously { get; init; }
    public IReadOnlyList<PortModel> Ports { get; init; } = [];
    public IReadOnlyDictionary<string, object> CustomProperties { get; init; } = new Dictionary<string, object>();
    public IReadOnlyDictionary<string, object> ConstructionProperties { get; init; } = new Dictionary<string, object>();
    public bool IsContainer { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsStart { get; init; }
    public bool IsTerminal { get; init; }
}

/// <summary>
/// Elsa's <c>InputDescriptor</c>. <see cref="Name"/> is the property name (PascalCase; Studio camel-cases it to
/// find the input in the definition). Choices travel in <see cref="UISpecifications"/> as Elsa's
/// dropdown/checklist props; <see cref="Options"/> repeats them plainly for other clients.
/// </summary>
public sealed record InputDescriptorModel
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSerializable { get; init; } = true;
    public bool IsSynthetic { get; init; }
    public bool IsWrapped { get; init; } = true;
    public required string UIHint { get; init; }
    public string? Category { get; init; }
    public object? DefaultValue { get; init; }
    public string DefaultSyntax { get; init; } = "Literal";
    public bool IsReadOnly { get; init; }
    public bool IsSensitive { get; init; }
    public IReadOnlyList<string>? Options { get; init; }
    public IReadOnlyDictionary<string, object>? UISpecifications { get; init; }
}

/// <summary>Elsa's <c>OutputDescriptor</c>.</summary>
public sealed record OutputDescriptorModel(string Name, string TypeName, string? DisplayName, string? Description)
{
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSerializable { get; init; } = true;
    public bool IsSynthetic { get; init; }
}

/// <summary>Elsa's <c>Port</c>: flowchart outcomes are <c>Flow</c> ports.</summary>
public sealed record PortModel(string Name, string? DisplayName, string Type = "Flow", bool IsBrowsable = true);
