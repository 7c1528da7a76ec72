namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's <c>FeatureDescriptor</c>.</summary>
public sealed record FeatureDescriptorModel(string Name, string Namespace, string FullName, string DisplayName, string? Description);
