using System.Collections.Immutable;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// The published triggers, in memory: HTTP routes and event names → the definition and activity that start
/// on them. Rebuilt for a definition whenever it is published or retracted, so a webhook is matched
/// without a database query.
/// </summary>
public sealed class TriggerIndex
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableArray<TriggerEntry>> _byDefinition = ImmutableDictionary<string, ImmutableArray<TriggerEntry>>.Empty;
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private ImmutableHashSet<string> _resumePaths = ImmutableHashSet<string>.Empty;

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
    /// Remembers the routes where an <c>Elsa.HttpEndpoint</c> waits mid-flow in a version this node has compiled,
    /// so a request on any other route starts a workflow without asking the database for waiting endpoints.
    /// </summary>
    public void NoteResumePoints(CompiledWorkflow workflow)
    {
        foreach (var node in workflow.Nodes)
            if (node.TypeName == "Elsa.HttpEndpoint" && !node.CanStartWorkflow && node.TryGetConstantInput("path", out var path) && path is string route)
                ImmutableInterlocked.Update(ref _resumePaths, set => set.Add(HttpRoutes.Normalize(route)));
    }

    public bool IsResumePath(string path) => _resumePaths.Contains(HttpRoutes.Normalize(path));

    public IReadOnlyList<TriggerEntry> FindHttp(string path) => _snapshot.Http.GetValueOrDefault(HttpRoutes.Normalize(path), []);

    public IReadOnlyList<TriggerEntry> FindEvent(string eventName) => _snapshot.Events.GetValueOrDefault(eventName, []);

    public IReadOnlyList<TriggerEntry> All => _snapshot.All;

    private static ImmutableArray<TriggerEntry> Extract(CompiledWorkflow workflow)
    {
        var entries = ImmutableArray.CreateBuilder<TriggerEntry>();
        foreach (var node in workflow.TriggerNodes.Where(node => node.CanStartWorkflow))
        {
            switch (node.TypeName)
            {
                case "Elsa.HttpEndpoint" when node.TryGetConstantInput("path", out var path) && path is string route:
                    var methods = node.TryGetConstantInput("supportedMethods", out var value) && value is string[] list
                        ? list.Select(m => m.ToUpperInvariant()).ToArray()
                        : ["GET"];
                    entries.Add(new TriggerEntry(workflow.DefinitionId, workflow.DefinitionVersionId, node.Id, BookmarkKinds.HttpEndpoint, HttpRoutes.Normalize(route), methods));
                    break;
                case "Elsa.Event" when node.TryGetConstantInput("eventName", out var name) && name is string eventName:
                    entries.Add(new TriggerEntry(workflow.DefinitionId, workflow.DefinitionVersionId, node.Id, BookmarkKinds.Event, eventName, []));
                    break;
            }
        }
        return entries.ToImmutable();
    }

    private sealed record Snapshot(
        IReadOnlyDictionary<string, TriggerEntry[]> Http,
        IReadOnlyDictionary<string, TriggerEntry[]> Events,
        IReadOnlyList<TriggerEntry> All)
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, TriggerEntry[]>(), new Dictionary<string, TriggerEntry[]>(), []);

        public static Snapshot From(IEnumerable<TriggerEntry> entries)
        {
            var all = entries.ToList();
            return new Snapshot(
                all.Where(e => e.Kind == BookmarkKinds.HttpEndpoint).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.ToArray()),
                all.Where(e => e.Kind == BookmarkKinds.Event).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.ToArray()),
                all);
        }
    }
}

/// <summary>A published trigger: which definition version and activity start when <see cref="Key"/> fires.</summary>
public sealed record TriggerEntry(string DefinitionId, string DefinitionVersionId, string ActivityId, string Kind, string Key, IReadOnlyList<string> Methods);
