namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's <c>StorageDriverDescriptor</c>.</summary>
public sealed record StorageDriverDescriptorModel(string TypeName, string DisplayName, int Priority, bool Deprecated);
