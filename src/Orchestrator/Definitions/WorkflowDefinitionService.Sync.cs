using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Applying definition changes another node made: this node's published versions, compiled cache and trigger index
/// are brought in line with the store through the same lifecycle path a local change takes, under the same write
/// lock (so remote and local changes are applied one at a time), marked <c>FromOtherNode</c> so nobody repeats them.
/// </summary>
public sealed partial class WorkflowDefinitionService
{
    private readonly TaskCompletionSource _warmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when start-up has loaded the published versions (changes from other nodes apply after that).</summary>
    internal Task Warmed => _warmed.Task;

    /// <summary>Makes this node's view of one definition match the store (after another node changed it).</summary>
    internal async Task SyncAsync(string definitionId, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await SyncLockedAsync(definitionId, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Makes this node's view of every definition match the store: after the change feed reconnects, as
    /// notifications sent while it was away are lost. One query when nothing changed.
    /// </summary>
    internal async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var stored = (await store.ListPublishedAsync(cancellationToken)).ToDictionary(record => record.DefinitionId, StringComparer.Ordinal);
            var known = new HashSet<string>(_published.Keys, StringComparer.Ordinal);
            known.UnionWith(cache.DefinitionIds);
            known.UnionWith(stored.Keys);
            foreach (var definitionId in known)
            {
                var local = _published.GetValueOrDefault(definitionId);
                if (local is not null && stored.TryGetValue(definitionId, out var record) && local.Id == record.Id) continue;
                await SyncLockedAsync(definitionId, cancellationToken);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task SyncLockedAsync(string definitionId, CancellationToken cancellationToken)
    {
        var local = _published.GetValueOrDefault(definitionId);
        var stored = await store.FindPublishedAsync(definitionId, cancellationToken);
        if (stored is not null)
        {
            if (local?.Id == stored.Id) return;
            CompiledWorkflow compiled;
            try
            {
                compiled = compiler.Compile(ToModel(stored));
            }
            catch (WorkflowDefinitionException ex)
            {
                // Published under a build this node does not match (an activity library it lacks): like at start-up,
                // it listens on nothing here and a start answers why.
                LogNotCompiling(stored.DefinitionId, stored.Version, string.Join("; ", ex.Errors.Select(e => $"{e.Path}: {e.Message}")));
                if (_published.TryRemove(definitionId, out var previous))
                    await lifecycle.RetractedAsync(new DefinitionRetracted(previous) { FromOtherNode = true });
                return;
            }
            _published[definitionId] = stored;
            LogApplied(definitionId, "published", stored.Version);
            await lifecycle.PublishedAsync(new DefinitionPublished(stored, compiled, AtStartup: false) { FromOtherNode = true });
            return;
        }

        _published.TryRemove(definitionId, out _);
        if (await store.FindLatestAsync(definitionId, cancellationToken) is null)
        {
            var versionIds = cache.VersionIdsOf(definitionId);
            if (local is null && versionIds.Count == 0) return;
            LogApplied(definitionId, "deleted", local?.Version ?? 0);
            await lifecycle.DeletedAsync(new DefinitionDeleted(definitionId, versionIds) { FromOtherNode = true });
        }
        else if (local is not null)
        {
            LogApplied(definitionId, "retracted", local.Version);
            await lifecycle.RetractedAsync(new DefinitionRetracted(local) { FromOtherNode = true });
        }
    }

    [LoggerMessage(LogLevel.Information, "Definition {DefinitionId} {Change} on another node (v{Version}): applied here")]
    private partial void LogApplied(string definitionId, string change, int version);
}
