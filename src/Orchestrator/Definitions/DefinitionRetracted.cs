using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Definitions;

/// <summary><paramref name="Version"/> was the published version and is no longer: the definition starts nothing now.</summary>
public sealed record DefinitionRetracted(DefinitionRecord Version)
{
    public string DefinitionId => Version.DefinitionId;

    /// <summary>The change was made on another node and is being applied here: nothing to tell the other nodes.</summary>
    public bool FromOtherNode { get; init; }
}
