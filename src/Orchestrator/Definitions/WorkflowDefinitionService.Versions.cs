using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Definitions;

/// <summary>Deleting one version (Elsa's bulk delete by version id), under the same write lock as every other change.</summary>
public sealed partial class WorkflowDefinitionService
{
    public async Task<DeleteDefinitionResult> DeleteVersionAsync(string versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versionId);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var version = await store.FindByVersionIdAsync(versionId, cancellationToken);
            if (version is null) return new DeleteDefinitionResult(0, 0);
            var unfinished = await store.CountUnfinishedInstancesOfVersionAsync(versionId, cancellationToken);
            if (unfinished > 0) return new DeleteDefinitionResult(0, unfinished);

            var versions = await store.ListVersionsAsync(version.DefinitionId, cancellationToken);
            if (versions.Count == 1)
            {
                // The last version: what is left is the definition itself, deleted as a whole (every node forgets it).
                var removed = await store.DeleteDefinitionAsync(version.DefinitionId, cancellationToken);
                _published.TryRemove(version.DefinitionId, out _);
                await lifecycle.DeletedAsync(new DefinitionDeleted(version.DefinitionId, [versionId]));
                return new DeleteDefinitionResult(removed, 0);
            }

            if (version.IsPublished)
            {
                // Retracted through the ordinary path first, so the trigger index (here and on other nodes) stops
                // starting a version that is about to disappear.
                await store.SaveAsync([version with { IsPublished = false }], cancellationToken);
                _published.TryRemove(version.DefinitionId, out _);
                await lifecycle.RetractedAsync(new DefinitionRetracted(version));
            }

            var deleted = await store.DeleteVersionAsync(versionId, cancellationToken);
            cache.Evict(versionId);
            return new DeleteDefinitionResult(deleted ? 1 : 0, 0);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
