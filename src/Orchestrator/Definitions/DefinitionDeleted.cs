namespace Itsm.Orchestrator.Definitions;

/// <summary>The definition was deleted with the versions <paramref name="VersionIds"/>.</summary>
public sealed record DefinitionDeleted(string DefinitionId, IReadOnlyList<string> VersionIds);
