using System.Collections.Concurrent;
using Itsm.Activities.Engine;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Compiled graphs by version id: a version is immutable once published, so it is compiled once. Filled on publish
/// and emptied on delete through <see cref="IDefinitionLifecycleHandler"/>; a retracted version stays, as running
/// instances still need it.
/// </summary>
public sealed class CompiledWorkflowCache : IDefinitionLifecycleHandler
{
    private readonly ConcurrentDictionary<string, CompiledWorkflow> _byVersionId = new(StringComparer.Ordinal);

    public bool TryGet(string versionId, out CompiledWorkflow workflow) => _byVersionId.TryGetValue(versionId, out workflow!);

    public void Set(CompiledWorkflow workflow) => _byVersionId[workflow.DefinitionVersionId] = workflow;

    /// <summary>The cached versions of one definition (what a deletion made on another node must evict here).</summary>
    public IReadOnlyList<string> VersionIdsOf(string definitionId)
        => [.. _byVersionId.Values.Where(workflow => workflow.DefinitionId == definitionId).Select(workflow => workflow.DefinitionVersionId)];

    /// <summary>The definitions with a cached version.</summary>
    public IReadOnlyCollection<string> DefinitionIds => _byVersionId.Values.Select(workflow => workflow.DefinitionId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Drafts change in place, so their cached graph is dropped on every save.</summary>
    public void Evict(string versionId) => _byVersionId.TryRemove(versionId, out _);

    Task IDefinitionLifecycleHandler.OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken)
    {
        Set(published.Workflow);
        return Task.CompletedTask;
    }

    Task IDefinitionLifecycleHandler.OnDeletedAsync(DefinitionDeleted deleted, CancellationToken cancellationToken)
    {
        foreach (var versionId in deleted.VersionIds) Evict(versionId);
        return Task.CompletedTask;
    }
}
