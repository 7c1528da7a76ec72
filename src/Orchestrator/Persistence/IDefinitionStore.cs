namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// Stored workflow definition versions. Low volume and not on the hot path: plain EF Core.
/// Keeps the invariants "at most one latest and at most one published version per definition id".
/// </summary>
public interface IDefinitionStore
{
    Task<DefinitionRecord?> FindByVersionIdAsync(string id, CancellationToken cancellationToken);

    Task<DefinitionRecord?> FindLatestAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionRecord?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionRecord?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>All published versions (to build the trigger index and compiled cache at start-up).</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListPublishedAsync(CancellationToken cancellationToken);

    Task<DefinitionPage> ListAsync(DefinitionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces versions and applies flag changes in one transaction, e.g. "new draft v3 is latest,
    /// v2 no longer latest" or "v3 published, v2 unpublished".
    /// </summary>
    Task SaveAsync(IReadOnlyList<DefinitionRecord> versions, CancellationToken cancellationToken);

    /// <summary>Instances of any version of the definition that have not ended (running, suspended or faulted).</summary>
    Task<int> CountUnfinishedInstancesAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>Instances started on this one version that have not ended (running, suspended or faulted).</summary>
    Task<int> CountUnfinishedInstancesOfVersionAsync(string versionId, CancellationToken cancellationToken);

    /// <summary>Deletes all versions of a definition; returns how many were removed.</summary>
    Task<int> DeleteDefinitionAsync(string definitionId, CancellationToken cancellationToken);

    Task<bool> DeleteVersionAsync(string id, CancellationToken cancellationToken);
}
