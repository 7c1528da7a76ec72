using System.Collections.Frozen;
using Itsm.Activities.Definitions;

namespace Itsm.Activities.Engine;

/// <summary>
/// A published definition turned into an immutable graph once: nodes with resolved activities and
/// pre-evaluated literal inputs, outgoing targets per port, join bookkeeping and parsed scripts.
/// Instances execute against this; the hot path never reads JSON.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(
        WorkflowDefinitionModel model,
        CompiledNode[] nodes,
        CompiledVariable[] variables,
        int startNode,
        IReadOnlyList<string> declaredOutputs)
    {
        Model = model;
        DefinitionId = model.DefinitionId ?? "";
        DefinitionVersionId = model.Id ?? "";
        Version = model.Version;
        Name = model.Name;
        Nodes = nodes;
        Variables = variables;
        StartNode = startNode;
        DeclaredOutputs = declaredOutputs;
        NodesById = nodes.ToFrozenDictionary(node => node.Id, StringComparer.Ordinal);
        VariablesByKey = variables
            .SelectMany(variable => variable.Id is null || variable.Id == variable.Name
                ? [KeyValuePair.Create(variable.Name, variable)]
                : new[] { KeyValuePair.Create(variable.Name, variable), KeyValuePair.Create(variable.Id, variable) })
            .DistinctBy(pair => pair.Key)
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    public WorkflowDefinitionModel Model { get; }
    public string DefinitionId { get; }
    public string DefinitionVersionId { get; }
    public int Version { get; }
    public string? Name { get; }
    public IReadOnlyList<CompiledNode> Nodes { get; }
    internal CompiledNode[] NodeArray => (CompiledNode[])Nodes;
    public IReadOnlyList<CompiledVariable> Variables { get; }
    /// <summary>Index of the node a plain start begins at (Elsa.Start, else the first node nothing leads to).</summary>
    public int StartNode { get; }
    public IReadOnlyList<string> DeclaredOutputs { get; }
    public FrozenDictionary<string, CompiledNode> NodesById { get; }
    /// <summary>Variables by name and by id (Elsa references variables by id, scripts by name).</summary>
    public FrozenDictionary<string, CompiledVariable> VariablesByKey { get; }

    /// <summary>Nodes whose activity is a trigger (HTTP endpoint, event, …), for the trigger index.</summary>
    public IEnumerable<CompiledNode> TriggerNodes => Nodes.Where(node => node.Descriptor.IsTrigger);
}
