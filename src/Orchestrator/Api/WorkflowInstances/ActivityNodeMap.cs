using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Orchestrator.Definitions;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Activity id → Elsa node id (<c>Workflow1:root:log</c>) for one definition version. Itsm's journal and
/// bookmarks know activity ids only; Studio's instance viewer asks by node id, so answers carry both.
/// </summary>
public sealed class ActivityNodeMap
{
    private const string DefaultRootNodeId = "Workflow1:root";
    private readonly Dictionary<string, string> _nodeIds;
    private Dictionary<string, Dictionary<string, object?>>? _constantInputs;

    private ActivityNodeMap(string rootNodeId, string rootActivityId, Dictionary<string, string> nodeIds)
    {
        RootNodeId = rootNodeId;
        RootActivityId = rootActivityId;
        _nodeIds = nodeIds;
    }

    /// <summary>
    /// The inputs an activity's definition gives as literals, as plain JSON values by input name: the journal keeps only
    /// evaluated inputs, so a step's full input state is these plus what its row kept. Null when there are none or the
    /// version does not compile.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? ConstantInputsOf(string activityId)
        => _constantInputs is not null && _constantInputs.TryGetValue(activityId, out var inputs) ? inputs : null;

    public static ActivityNodeMap Empty { get; } = new(DefaultRootNodeId, "root", new Dictionary<string, string>(StringComparer.Ordinal));

    public string RootNodeId { get; }

    /// <summary>The root flowchart's activity id (<c>root</c> unless the definition names it otherwise).</summary>
    public string RootActivityId { get; }

    /// <summary>Every (activity id, node id) of the root flowchart, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Nodes => _nodeIds;

    public string NodeIdOf(string activityId)
        => _nodeIds.TryGetValue(activityId, out var nodeId) ? nodeId : $"{RootNodeId}:{activityId}";

    /// <summary>The activity id a node id stands for (the last segment when the node is not in the map).</summary>
    public string ActivityIdOf(string nodeId)
    {
        foreach (var (activityId, candidate) in _nodeIds)
            if (string.Equals(candidate, nodeId, StringComparison.Ordinal))
                return activityId;
        var colon = nodeId.LastIndexOf(':');
        return colon >= 0 ? nodeId[(colon + 1)..] : nodeId;
    }

    public static ActivityNodeMap From(WorkflowDefinitionModel? model)
    {
        var root = model?.Root;
        if (root is null)
            return Empty;
        var rootNodeId = Text(root["nodeId"]) ?? (Text(root["id"]) is { } rootId ? $"Workflow1:{rootId}" : DefaultRootNodeId);
        var nodeIds = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["activities"] is JsonArray activities)
        {
            foreach (var activity in activities.OfType<JsonObject>())
            {
                if (Text(activity["id"]) is not { } id)
                    continue;
                nodeIds.TryAdd(id, Text(activity["nodeId"]) ?? $"{rootNodeId}:{id}");
            }
        }
        return new ActivityNodeMap(rootNodeId, Text(root["id"]) ?? rootNodeId[(rootNodeId.LastIndexOf(':') + 1)..], nodeIds);
    }

    /// <summary>The map of a stored version (the compiled cache first; the stored model when it does not compile).</summary>
    public static async Task<ActivityNodeMap> LoadAsync(IWorkflowDefinitionService definitions, string versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        try
        {
            var compiled = await definitions.GetCompiledAsync(versionId, cancellationToken).ConfigureAwait(false);
            if (compiled is not null)
            {
                var map = From(compiled.Model);
                map._constantInputs = ConstantInputs(compiled);
                return map;
            }
        }
        catch (WorkflowDefinitionException)
        {
            // A version that no longer compiles still has a model to read node ids from.
        }
        var record = await definitions.FindByVersionIdAsync(versionId, cancellationToken).ConfigureAwait(false);
        return record is null ? Empty : From(definitions.ToModel(record));
    }

    private static Dictionary<string, Dictionary<string, object?>> ConstantInputs(CompiledWorkflow workflow)
    {
        var byActivity = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var (activityId, node) in workflow.NodesById)
        {
            Dictionary<string, object?>? inputs = null;
            foreach (var (name, value) in node.ConstantInputs)
                (inputs ??= new(StringComparer.Ordinal))[name] = Plain(value);
            if (inputs is not null) byActivity[activityId] = inputs;
        }
        return byActivity;
    }

    /// <summary>
    /// A literal as the journal shows a value: its JSON read back as a plain value, or the start of its JSON text when
    /// it is larger than the journal keeps (<see cref="EngineOptions.MaxJournalValueBytes"/>, at its default).
    /// </summary>
    private static object? Plain(object? value)
    {
        if (value is null) return null;
        var json = JsonSerializer.Serialize(value, ElsaJson.Options);
        var max = new EngineOptions().MaxJournalValueBytes;
        if (Encoding.UTF8.GetByteCount(json) <= max) return PlainJson.Parse(json);
        var end = Math.Min(json.Length, max);
        if (char.IsHighSurrogate(json[end - 1])) end--;
        return json[..end] + "…";
    }

    private static string? Text(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrEmpty(text) ? text : null;
}
