using System.Collections.Concurrent;
using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Definitions;

/// <summary>Compiled graphs by version id: a version is immutable once published, so it is compiled once.</summary>
public sealed class CompiledWorkflowCache
{
    private readonly ConcurrentDictionary<string, CompiledWorkflow> _byVersionId = new(StringComparer.Ordinal);

    public bool TryGet(string versionId, out CompiledWorkflow workflow) => _byVersionId.TryGetValue(versionId, out workflow!);

    public void Set(CompiledWorkflow workflow) => _byVersionId[workflow.DefinitionVersionId] = workflow;

    /// <summary>Drafts change in place, so their cached graph is dropped on every save.</summary>
    public void Evict(string versionId) => _byVersionId.TryRemove(versionId, out _);
}
