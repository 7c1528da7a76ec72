using System.Diagnostics.CodeAnalysis;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Itil.Catalogue;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Orchestrator.Definitions;

/// <summary>
/// Draft/publish versioning on top of <see cref="IDefinitionStore"/>. Drafts are saved as they are (a designer
/// auto-saves half-finished work); publishing compiles the version and refuses it with the compiler's errors.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A singleton's SemaphoreSlim used only through WaitAsync holds no OS handle; disposing it at shutdown would only turn an in-flight Release into ObjectDisposedException.")]
public sealed partial class WorkflowDefinitionService(
    IDefinitionStore store,
    WorkflowCompiler compiler,
    CompiledWorkflowCache cache,
    DefinitionLifecycleNotifier lifecycle,
    TriggerIndex triggers,
    TimeProvider clock,
    ILogger<WorkflowDefinitionService> logger) : IWorkflowDefinitionService
{
    public const string ToolVersion = "3.6.0.0";
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Published versions by definition id: every start needs one, and a query per webhook start costs more
    // than the rest of the start together. Kept in step by the writes below, and by changes other nodes make (.Sync.cs).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DefinitionRecord> _published = new(StringComparer.Ordinal);

    public Task<DefinitionRecord?> FindAsync(string definitionId, VersionOptions versionOptions, CancellationToken cancellationToken) => versionOptions.Kind switch
    {
        "Latest" or "Draft" or "AllVersions" => store.FindLatestAsync(definitionId, cancellationToken),
        "Specific" => store.FindVersionAsync(definitionId, versionOptions.Version!.Value, cancellationToken),
        "LatestOrPublished" or "LatestAndPublished" => FindPublishedOrLatestAsync(definitionId, cancellationToken),
        _ => FindPublishedAsync(definitionId, cancellationToken),
    };

    private async Task<DefinitionRecord?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (_published.TryGetValue(definitionId, out var cached)) return cached;
        var record = await store.FindPublishedAsync(definitionId, cancellationToken);
        if (record is not null) _published.TryAdd(definitionId, record);
        return record;
    }

    private async Task<DefinitionRecord?> FindPublishedOrLatestAsync(string definitionId, CancellationToken cancellationToken)
        => await FindPublishedAsync(definitionId, cancellationToken) ?? await store.FindLatestAsync(definitionId, cancellationToken);

    public Task<DefinitionRecord?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken) => store.FindByVersionIdAsync(versionId, cancellationToken);

    public Task<DefinitionPage> ListAsync(DefinitionQuery query, CancellationToken cancellationToken) => store.ListAsync(query, cancellationToken);

    public async Task<SaveDefinitionResult> SaveAsync(WorkflowDefinitionModel model, bool publish, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var definitionId = string.IsNullOrWhiteSpace(model.DefinitionId) ? Ids.New() : model.DefinitionId;
            var latest = await store.FindLatestAsync(definitionId, cancellationToken);
            var changes = new List<DefinitionRecord>();
            DefinitionRecord draft;
            if (latest is null || latest.IsPublished)
            {
                // A published version is never edited: the designer's next save becomes version n+1.
                if (latest is not null) changes.Add(latest with { IsLatest = false });
                draft = NewVersion(model, definitionId, (latest?.Version ?? 0) + 1, Ids.New());
            }
            else
            {
                draft = NewVersion(model, definitionId, latest.Version, latest.Id) with { CreatedAt = latest.CreatedAt };
                cache.Evict(latest.Id);
            }

            if (!publish)
            {
                changes.Add(draft);
                await store.SaveAsync(changes, cancellationToken);
                return new SaveDefinitionResult(Stamp(draft), false, []);
            }
            return await PublishLockedAsync(draft, changes, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<SaveDefinitionResult?> PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var latest = await store.FindLatestAsync(definitionId, cancellationToken);
            if (latest is null) return null;
            if (latest.IsPublished) return new SaveDefinitionResult(latest, true, []);
            return await PublishLockedAsync(latest, [], cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Seeds a definition from a file: imported and published when unknown, or when the file's version is
    /// higher than the store's latest; otherwise left alone (edits made through the API win).
    /// </summary>
    internal async Task<SaveDefinitionResult?> SeedAsync(WorkflowDefinitionModel model, CancellationToken cancellationToken)
    {
        var definitionId = model.DefinitionId ?? throw new WorkflowDefinitionException([new DefinitionError("definitionId", "A seeded definition needs a definitionId.")]);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var latest = await store.FindLatestAsync(definitionId, cancellationToken);
            var version = Math.Max(model.Version, 1);
            if (latest is not null && version <= latest.Version) return null;
            var changes = new List<DefinitionRecord>();
            if (latest is not null) changes.Add(latest with { IsLatest = false });
            var record = NewVersion(model, definitionId, version, Ids.New());
            return await PublishLockedAsync(record, changes, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SaveDefinitionResult> PublishLockedAsync(DefinitionRecord version, List<DefinitionRecord> changes, CancellationToken cancellationToken)
    {
        var published = version with { IsLatest = true, IsPublished = true };
        CompiledWorkflow compiled;
        try
        {
            compiled = compiler.Compile(ToModel(published));
            HttpEndpointPublishRules.Check(compiled);
        }
        catch (WorkflowDefinitionException ex)
        {
            return new SaveDefinitionResult(null, false, ex.Errors);
        }
        var tagCheck = ItilTagRules.Check(compiled, ItilCatalogue.Default);
        if (tagCheck.Errors.Count > 0) return new SaveDefinitionResult(null, false, tagCheck.Errors);
        if (WebhookRouteOwnership.FindConflicts(triggers, compiled) is { Count: > 0 } taken) return new SaveDefinitionResult(null, false, taken) { IsConflict = true };

        var previous = await store.FindPublishedAsync(version.DefinitionId, cancellationToken);
        if (previous is not null && previous.Id != published.Id)
        {
            var index = changes.FindIndex(c => c.Id == previous.Id);
            var basis = index >= 0 ? changes[index] : previous;
            if (index >= 0) changes.RemoveAt(index);
            changes.Add(basis with { IsPublished = false });
        }
        changes.Add(published);
        await store.SaveAsync(changes, cancellationToken);
        _published[version.DefinitionId] = published;
        await lifecycle.PublishedAsync(new DefinitionPublished(published, compiled, AtStartup: false));
        return new SaveDefinitionResult(Stamp(published), false, []) { Warnings = tagCheck.Warnings };
    }

    public async Task<DefinitionRecord?> RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var published = await store.FindPublishedAsync(definitionId, cancellationToken);
            if (published is null) return null;
            var retracted = published with { IsPublished = false };
            await store.SaveAsync([retracted], cancellationToken);
            _published.TryRemove(definitionId, out _);
            await lifecycle.RetractedAsync(new DefinitionRetracted(published));
            return Stamp(retracted);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<DeleteDefinitionResult> DeleteAsync(string definitionId, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var unfinished = await store.CountUnfinishedInstancesAsync(definitionId, cancellationToken);
            if (unfinished > 0) return new DeleteDefinitionResult(0, unfinished);
            var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
            var removed = await store.DeleteDefinitionAsync(definitionId, cancellationToken);
            _published.TryRemove(definitionId, out _);
            await lifecycle.DeletedAsync(new DefinitionDeleted(definitionId, [.. versions.Select(version => version.Id)]));
            return new DeleteDefinitionResult(removed, 0);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<CompiledWorkflow?> GetCompiledAsync(string versionId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(versionId, out var cached)) return cached;
        var record = await store.FindByVersionIdAsync(versionId, cancellationToken);
        if (record is null) return null;
        var compiled = compiler.Compile(ToModel(record));
        cache.Set(compiled);
        await lifecycle.CompiledAsync(compiled);
        return compiled;
    }

    /// <summary>Loads every published version into the compiled cache and the trigger index (start-up).</summary>
    internal async Task WarmAsync(CancellationToken cancellationToken)
    {
        foreach (var record in await store.ListPublishedAsync(cancellationToken))
        {
            CompiledWorkflow compiled;
            try
            {
                compiled = compiler.Compile(ToModel(record));
            }
            catch (WorkflowDefinitionException ex)
            {
                // A version published under another build (an activity library since removed, say) must not keep the
                // host from starting: it stays published, listens on nothing, and a start answers why (422).
                LogNotCompiling(record.DefinitionId, record.Version, string.Join("; ", ex.Errors.Select(e => $"{e.Path}: {e.Message}")));
                continue;
            }
            _published[record.DefinitionId] = record;
            await lifecycle.PublishedAsync(new DefinitionPublished(record, compiled, AtStartup: true));
        }
        _warmed.TrySetResult();
    }

    public WorkflowDefinitionModel ToModel(DefinitionRecord record) => ElsaJson.ParseDefinition(record.ModelJson) with
    {
        Id = record.Id,
        DefinitionId = record.DefinitionId,
        Version = record.Version,
        IsLatest = record.IsLatest,
        IsPublished = record.IsPublished,
        CreatedAt = record.CreatedAt,
        Schema = null,
    };

    private DefinitionRecord NewVersion(WorkflowDefinitionModel model, string definitionId, int version, string versionId)
    {
        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(model.Name) ? definitionId : model.Name;
        var normalized = model with
        {
            Id = versionId,
            DefinitionId = definitionId,
            Name = name,
            Version = version,
            IsLatest = true,
            IsPublished = false,
            CreatedAt = now,
            ToolVersion = model.ToolVersion ?? ToolVersion,
            Schema = null,
        };
        return new DefinitionRecord(versionId, definitionId, version, name, model.Description, true, false, now, ElsaJson.Serialize(normalized));
    }

    /// <summary>Keeps the stored JSON's flags in step with the record's (they change when other versions do).</summary>
    private DefinitionRecord Stamp(DefinitionRecord record) => record with { ModelJson = ElsaJson.Serialize(ToModel(record)) };

    [LoggerMessage(LogLevel.Error, "Published workflow {DefinitionId} v{Version} no longer compiles and is not listening: {Errors}")]
    private partial void LogNotCompiling(string definitionId, int version, string errors);
}
