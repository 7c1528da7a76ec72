namespace Itsm.Orchestrator.Api.Descriptors;

/// <summary>The shape Elsa uses for activation, log persistence and incident strategies.</summary>
public sealed record StrategyDescriptorModel(string TypeName, string DisplayName, string? Description);
