namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's <c>VariableDescriptor</c>: a type a workflow variable can have.</summary>
public sealed record VariableTypeDescriptorModel(string TypeName, string DisplayName, string Category, string? Description);
