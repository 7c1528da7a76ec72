using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;

namespace Itsm.Activities.Engine;

/// <summary>
/// Compiles an Elsa 3 definition (root <c>Elsa.Flowchart</c>) into a <see cref="CompiledWorkflow"/>.
/// Every problem found is reported with the path of the field at fault (unknown activity types,
/// dangling connections, unparsable scripts, literals that do not fit their input's type) — never a crash.
/// </summary>
public sealed class WorkflowCompiler(ActivityRegistry registry)
{
    public const string FlowchartType = "Elsa.Flowchart";

    public CompiledWorkflow Compile(WorkflowDefinitionModel model)
    {
        var errors = new List<DefinitionError>();
        var root = model.Root;
        if (root is null)
            throw new WorkflowDefinitionException([new DefinitionError("root", "The definition has no root activity.")]);
        var rootType = root["type"]?.GetValue<string>();
        if (rootType != FlowchartType)
            throw new WorkflowDefinitionException([new DefinitionError("root.type", $"Root activity type '{rootType}' is not supported: Itsm runs '{FlowchartType}' roots.")]);

        var variables = CompileVariables(model, root, errors);
        var variablesByKey = variables
            .SelectMany(v => v.Id is null ? new[] { (v.Name, v) } : [(v.Name, v), (v.Id, v)])
            .DistinctBy(pair => pair.Item1)
            .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);

        var nodes = new List<CompiledNode>();
        var activityJson = new List<JsonObject>();
        var activities = root["activities"] as JsonArray ?? [];
        for (var i = 0; i < activities.Count; i++)
        {
            var path = $"root.activities[{i}]";
            if (activities[i] is not JsonObject activity)
            {
                errors.Add(new DefinitionError(path, "An activity must be a JSON object."));
                continue;
            }
            var node = CompileNode(nodes.Count, activity, path, variablesByKey, errors);
            if (node is null) continue;
            if (nodes.Any(existing => existing.Id == node.Id))
            {
                errors.Add(new DefinitionError($"{path}.id", $"Activity id '{node.Id}' is used twice."));
                continue;
            }
            nodes.Add(node);
            activityJson.Add(activity);
        }

        var connections = ReadConnections(root["connections"] as JsonArray, nodes, errors);
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);

        LinkPorts(nodes, connections);
        ComputeJoinScopes(nodes, connections);
        var start = FindStartNode(nodes, connections);
        var outputs = (model.Outputs ?? []).OfType<JsonObject>()
            .Select(output => output["name"]?.GetValue<string>()).OfType<string>().ToList();
        return new CompiledWorkflow(model, nodes.ToArray(), variables.ToArray(), start, outputs);
    }

    private static List<CompiledVariable> CompileVariables(WorkflowDefinitionModel model, JsonObject root, List<DefinitionError> errors)
    {
        var result = new List<CompiledVariable>();
        var definitions = (model.Variables ?? []).Select((variable, i) => (variable, path: $"variables[{i}]")).ToList();
        if (root["variables"] is JsonArray rootVariables)
        {
            for (var i = 0; i < rootVariables.Count; i++)
            {
                var variable = rootVariables[i]?.Deserialize<VariableDefinitionModel>(ElsaJson.Options);
                if (variable is not null) definitions.Add((variable, $"root.variables[{i}]"));
            }
        }
        foreach (var (variable, path) in definitions)
        {
            if (string.IsNullOrWhiteSpace(variable.Name))
            {
                errors.Add(new DefinitionError($"{path}.name", "A variable needs a name."));
                continue;
            }
            if (result.Any(existing => existing.Name == variable.Name)) continue;
            var type = TypeAliases.Resolve(variable.TypeName, variable.IsArray);
            object? defaultValue = null;
            if (variable.Value is { } text)
            {
                try
                {
                    defaultValue = ValueConverter.Convert(text, type);
                }
                catch (FormatException ex)
                {
                    errors.Add(new DefinitionError($"{path}.value", ex.Message));
                }
            }
            result.Add(new CompiledVariable(variable.Id, variable.Name, variable.TypeName ?? "Object", type, defaultValue, variable.Value));
        }
        return result;
    }

    private CompiledNode? CompileNode(int index, JsonObject activity, string path, Dictionary<string, CompiledVariable> variables, List<DefinitionError> errors)
    {
        var id = activity["id"]?.GetValue<string>();
        var type = activity["type"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new DefinitionError($"{path}.id", "An activity needs an id."));
            return null;
        }
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add(new DefinitionError($"{path}.type", $"Activity '{id}' has no type."));
            return null;
        }
        if (!registry.TryGet(type, out var descriptor, out var instance))
        {
            errors.Add(new DefinitionError($"{path}.type", $"Unknown activity type '{type}' (activity '{id}')."));
            return null;
        }

        var node = new CompiledNode(index, id, activity["name"]?.GetValue<string>(), descriptor, instance)
        {
            CanStartWorkflow = activity["customProperties"]?["canStartWorkflow"] is JsonValue can && can.TryGetValue<bool>(out var flag) && flag,
            Tags = NodeTagReader.Read(activity, id, path, descriptor.DefaultTags, errors),
        };
        node.Inputs = descriptor.Inputs.Select(input => CompileInput(activity, input, $"{path}.{input.Name}", variables, errors)).ToArray();
        node.Binder = descriptor.InputRecordType is null ? null : InputBinder.For(descriptor);
        node.OutputBindings = CompileOutputs(activity, descriptor, variables, path, errors);
        return node;
    }

    private static InputSource? CompileInput(JsonObject activity, InputDescriptor input, string path, Dictionary<string, CompiledVariable> variables, List<DefinitionError> errors)
    {
        var value = FindProperty(activity, input.Name);
        if (value is null) return null;
        try
        {
            if (input.IsRaw) return new ConstantSource(value.Deserialize(input.Type, ElsaJson.Options));
            if (value is JsonObject wrapper && wrapper.ContainsKey("expression"))
                return CompileExpression(wrapper["expression"], input, path, variables, errors);
            // A bare value (older exports, hand-written files): treat it as a literal of the input's type.
            return new ConstantSource(ValueConverter.Convert(value.Deserialize<JsonElement>(), input.Type));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NotSupportedException or ScriptException)
        {
            errors.Add(new DefinitionError(path, ex.Message));
            return null;
        }
    }

    private static InputSource? CompileExpression(JsonNode? expression, InputDescriptor input, string path, Dictionary<string, CompiledVariable> variables, List<DefinitionError> errors)
    {
        if (expression is not JsonObject)
            return null;
        var model = expression.Deserialize<ExpressionModel>(ElsaJson.Options);
        if (model is null || string.IsNullOrEmpty(model.Type)) return null;
        var text = model.Text;
        switch (model.Type)
        {
            case var t when t.Equals(ExpressionTypes.Literal, StringComparison.OrdinalIgnoreCase):
                return text is null ? null : new ConstantSource(ValueConverter.Convert(text, input.Type));
            case var t when t.Equals(ExpressionTypes.Object, StringComparison.OrdinalIgnoreCase):
                return string.IsNullOrWhiteSpace(text) ? null : new ConstantSource(ValueConverter.Convert(PlainJson.Parse(text), input.Type));
            case var t when t.Equals(ExpressionTypes.JavaScript, StringComparison.OrdinalIgnoreCase):
                return string.IsNullOrWhiteSpace(text) ? null : new ScriptSource(PreparedScript.Prepare(text), input.Type);
            case var t when t.Equals(ExpressionTypes.Variable, StringComparison.OrdinalIgnoreCase):
                var key = VariableReference.FromExpression(model);
                if (variables.TryGetValue(key, out var variable)) return new VariableSource(variable, input.Type);
                errors.Add(new DefinitionError($"{path}.expression.value", $"Variable '{key}' is not declared."));
                return null;
            default:
                errors.Add(new DefinitionError($"{path}.expression.type",
                    $"Expression type '{model.Type}' is not supported (supported: {string.Join(", ", ExpressionTypes.All)})."));
                return null;
        }
    }

    private static OutputBinding[] CompileOutputs(JsonObject activity, ActivityDescriptor descriptor, Dictionary<string, CompiledVariable> variables, string path, List<DefinitionError> errors)
    {
        var bindings = new List<OutputBinding>();
        foreach (var output in descriptor.Outputs)
        {
            if (FindProperty(activity, output.Name) is not JsonObject binding) continue;
            var reference = binding["memoryReference"]?["id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(reference)) continue;
            if (variables.TryGetValue(reference, out var variable))
                bindings.Add(new OutputBinding(output.Name, variable, descriptor.Outputs.Count == 1));
            else
                errors.Add(new DefinitionError($"{path}.{output.Name}.memoryReference.id", $"Output '{output.Name}' is bound to undeclared variable '{reference}'."));
        }
        return bindings.ToArray();
    }

    private static JsonNode? FindProperty(JsonObject activity, string name)
    {
        if (activity.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in activity)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    private static List<(int Source, string Port, int Target)> ReadConnections(JsonArray? connections, List<CompiledNode> nodes, List<DefinitionError> errors)
    {
        var result = new List<(int, string, int)>();
        if (connections is null) return result;
        var byId = nodes.ToDictionary(node => node.Id, node => node.Index, StringComparer.Ordinal);
        for (var i = 0; i < connections.Count; i++)
        {
            var path = $"root.connections[{i}]";
            if (connections[i] is not JsonObject connection) continue;
            // Current shape: {source: {activity, port}, target: {activity, port}}; Elsa 3.0: flat ids + sourcePort.
            var (sourceId, port) = connection["source"] is JsonObject source
                ? (source["activity"]?.GetValue<string>(), source["port"]?.GetValue<string>())
                : (connection["source"]?.GetValue<string>(), connection["sourcePort"]?.GetValue<string>());
            var targetId = connection["target"] is JsonObject target
                ? target["activity"]?.GetValue<string>()
                : connection["target"]?.GetValue<string>();
            if (sourceId is null || !byId.TryGetValue(sourceId, out var sourceIndex))
            {
                errors.Add(new DefinitionError($"{path}.source", $"Connection source '{sourceId}' is not an activity of this flowchart."));
                continue;
            }
            if (targetId is null || !byId.TryGetValue(targetId, out var targetIndex))
            {
                errors.Add(new DefinitionError($"{path}.target", $"Connection target '{targetId}' is not an activity of this flowchart."));
                continue;
            }
            result.Add((sourceIndex, string.IsNullOrEmpty(port) ? Outcomes.Done : port, targetIndex));
        }
        return result;
    }

    private static void LinkPorts(List<CompiledNode> nodes, List<(int Source, string Port, int Target)> connections)
    {
        foreach (var node in nodes)
        {
            node.Ports = connections.Where(c => c.Source == node.Index)
                .GroupBy(c => c.Port, StringComparer.Ordinal)
                .Select(group => new Port(string.Intern(group.Key), group.Select(c => c.Target).ToArray()))
                .ToArray();
            node.InboundSources = connections.Where(c => c.Target == node.Index).Select(c => c.Source).Distinct().ToArray();
        }
    }

    /// <summary>
    /// For each join, the nodes upstream of it that are not also downstream (in a loop): the work a
    /// firing WaitAny join cancels and a WaitAllActive join waits for.
    /// </summary>
    private static void ComputeJoinScopes(List<CompiledNode> nodes, List<(int Source, string Port, int Target)> connections)
    {
        foreach (var join in nodes.Where(node => node.Activity is IJoinActivity))
        {
            var upstream = Reach(join.Index, nodes.Count, connections, forward: false);
            var downstream = Reach(join.Index, nodes.Count, connections, forward: true);
            join.Upstream = Enumerable.Range(0, nodes.Count).Select(i => upstream[i] && !downstream[i] && i != join.Index).ToArray();
        }
    }

    private static bool[] Reach(int from, int count, List<(int Source, string Port, int Target)> connections, bool forward)
    {
        var seen = new bool[count];
        var pending = new Stack<int>([from]);
        while (pending.TryPop(out var current))
            foreach (var c in connections)
            {
                var (a, b) = forward ? (c.Source, c.Target) : (c.Target, c.Source);
                if (a == current && !seen[b])
                {
                    seen[b] = true;
                    pending.Push(b);
                }
            }
        return seen;
    }

    private static int FindStartNode(List<CompiledNode> nodes, List<(int Source, string Port, int Target)> connections)
    {
        var start = nodes.FirstOrDefault(node => node.TypeName == "Elsa.Start");
        if (start is not null) return start.Index;
        var root = nodes.FirstOrDefault(node => connections.All(c => c.Target != node.Index));
        return root?.Index ?? (nodes.Count > 0 ? 0 : -1);
    }
}
