namespace Itsm.Orchestrator.Definitions;

/// <summary>The definition was deleted with the versions <paramref name="VersionIds"/>.</summary>
public sealed record DefinitionDeleted(string DefinitionId, IReadOnlyList<string> VersionIds)
{
    /// <summary>The change was made on another node and is being applied here: nothing to tell the other nodes.</summary>
    public bool FromOtherNode { get; init; }
}
