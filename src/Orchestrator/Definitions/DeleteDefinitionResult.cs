namespace Itsm.Orchestrator.Definitions;

/// <summary>Versions removed, or (nothing removed) the instances that have not ended and still run on the definition.</summary>
public sealed record DeleteDefinitionResult(int Removed, int UnfinishedInstances);
