using Itsm.Activities.Engine;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// <paramref name="Version"/> is now the published version of its definition, compiled as <paramref name="Workflow"/>.
/// <paramref name="AtStartup"/>: not a new publication, but a published version this node loaded at start.
/// </summary>
public sealed record DefinitionPublished(DefinitionRecord Version, CompiledWorkflow Workflow, bool AtStartup)
{
    public string DefinitionId => Version.DefinitionId;

    /// <summary>The change was made on another node and is being applied here: nothing to tell the other nodes.</summary>
    public bool FromOtherNode { get; init; }
}
