namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>Elsa's commit strategy descriptor.</summary>
public sealed record CommitStrategyDescriptorModel(string Name, string DisplayName, string? Description);
