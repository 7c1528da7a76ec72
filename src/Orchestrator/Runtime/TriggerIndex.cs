using System.Collections.Immutable;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Activities.Primitives;
using Itsm.Orchestrator.Definitions;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// The published triggers, in memory, by kind and key: HTTP routes, event names and any kind a trigger activity
/// declares (<see cref="ITriggerActivity"/>) → the definition and activity that start on them. Kept in step with
/// publish/retract/delete as an <see cref="IDefinitionLifecycleHandler"/>, so a webhook is matched without a
/// database query and a deliverer of a new kind (a scheduler) asks <see cref="Find"/> or <see cref="OfKind"/>.
/// </summary>
public sealed class TriggerIndex : IDefinitionLifecycleHandler
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableArray<TriggerEntry>> _byDefinition = ImmutableDictionary<string, ImmutableArray<TriggerEntry>>.Empty;
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private ImmutableHashSet<(string Kind, string Key)> _resumePoints = ImmutableHashSet<(string Kind, string Key)>.Empty;

    /// <summary>Replaces the triggers of one definition (null: it has no published version any more).</summary>
    public void Update(string definitionId, CompiledWorkflow? published)
    {
        lock (_gate)
        {
            _byDefinition = published is null
                ? _byDefinition.Remove(definitionId)
                : _byDefinition.SetItem(definitionId, Extract(published));
            _snapshot = Snapshot.From(_byDefinition.Values.SelectMany(entries => entries));
        }
        if (published is not null) NoteResumePoints(published);
    }

    /// <summary>
    /// Remembers what trigger activities wait on mid-flow (not starting the workflow) in a version this node has
    /// compiled — e.g. an <c>Elsa.HttpEndpoint</c> route — so a request on any other route starts a workflow
    /// without asking the database for waiting endpoints.
    /// </summary>
    public void NoteResumePoints(CompiledWorkflow workflow)
    {
        foreach (var node in workflow.TriggerNodes)
            if (!node.CanStartWorkflow && node.Activity is ITriggerActivity trigger)
                foreach (var binding in trigger.GetTriggers(node))
                    ImmutableInterlocked.Update(ref _resumePoints, set => set.Add((binding.Kind, binding.Key)));
    }

    public bool IsResumePath(string path) => _resumePoints.Contains((BookmarkKinds.HttpEndpoint, HttpRoutes.Normalize(path)));

    /// <summary>The published triggers of <paramref name="kind"/> listening on <paramref name="key"/> (compared ordinally, as the activity spelled it).</summary>
    public IReadOnlyList<TriggerEntry> Find(string kind, string key)
        => _snapshot.ByKind.TryGetValue(kind, out var byKey) ? byKey.GetValueOrDefault(key, []) : [];

    /// <summary>Every published trigger of one kind (what a scheduler arms at start).</summary>
    public IReadOnlyList<TriggerEntry> OfKind(string kind)
        => _snapshot.ByKind.TryGetValue(kind, out var byKey) ? [.. byKey.Values.SelectMany(entries => entries)] : [];

    public IReadOnlyList<TriggerEntry> FindHttp(string path) => Find(BookmarkKinds.HttpEndpoint, HttpRoutes.Normalize(path));

    public IReadOnlyList<TriggerEntry> FindEvent(string eventName) => Find(BookmarkKinds.Event, eventName);

    public IReadOnlyList<TriggerEntry> All => _snapshot.All;

    Task IDefinitionLifecycleHandler.OnPublishedAsync(DefinitionPublished published, CancellationToken cancellationToken)
    {
        Update(published.DefinitionId, published.Workflow);
        return Task.CompletedTask;
    }

    Task IDefinitionLifecycleHandler.OnRetractedAsync(DefinitionRetracted retracted, CancellationToken cancellationToken)
    {
        Update(retracted.DefinitionId, null);
        return Task.CompletedTask;
    }

    Task IDefinitionLifecycleHandler.OnDeletedAsync(DefinitionDeleted deleted, CancellationToken cancellationToken)
    {
        Update(deleted.DefinitionId, null);
        return Task.CompletedTask;
    }

    Task IDefinitionLifecycleHandler.OnCompiledAsync(CompiledWorkflow workflow, CancellationToken cancellationToken)
    {
        NoteResumePoints(workflow);
        return Task.CompletedTask;
    }

    private static ImmutableArray<TriggerEntry> Extract(CompiledWorkflow workflow)
    {
        var entries = ImmutableArray.CreateBuilder<TriggerEntry>();
        foreach (var node in workflow.TriggerNodes)
            if (node.CanStartWorkflow && node.Activity is ITriggerActivity trigger)
                foreach (var binding in trigger.GetTriggers(node))
                    entries.Add(new TriggerEntry(workflow.DefinitionId, workflow.DefinitionVersionId, node.Id, binding));
        return entries.ToImmutable();
    }

    private sealed record Snapshot(
        IReadOnlyDictionary<string, Dictionary<string, TriggerEntry[]>> ByKind,
        IReadOnlyList<TriggerEntry> All)
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, Dictionary<string, TriggerEntry[]>>(), []);

        public static Snapshot From(IEnumerable<TriggerEntry> entries)
        {
            var all = entries.ToList();
            var byKind = all.GroupBy(e => e.Kind, StringComparer.Ordinal).ToDictionary(
                kind => kind.Key,
                kind => kind.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
                StringComparer.Ordinal);
            return new Snapshot(byKind, all);
        }
    }
}

/// <summary>A published trigger: which definition version and activity start when <see cref="Binding"/> fires.</summary>
public sealed record TriggerEntry(string DefinitionId, string DefinitionVersionId, string ActivityId, TriggerBinding Binding)
{
    public string Kind => Binding.Kind;
    public string Key => Binding.Key;

    /// <summary>HTTP triggers: the accepted methods (upper case); empty for other kinds.</summary>
    public IReadOnlyList<string> Methods => Binding[HttpEndpoint.MethodsPayload] as IReadOnlyList<string> ?? [];
}
