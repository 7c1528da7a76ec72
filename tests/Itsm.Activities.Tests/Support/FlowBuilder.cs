using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;

namespace Itsm.Activities.Tests.Support;

/// <summary>Writes small definitions in Elsa 3's export shape, so tests read as flows rather than JSON.</summary>
public sealed class FlowBuilder(string definitionId = "test-flow", string? name = null)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    public FlowBuilder Variable(string name, string typeName, string? value = null)
    {
        var variable = new JsonObject { ["id"] = name + "-id", ["name"] = name, ["typeName"] = typeName, ["isArray"] = false };
        if (value is not null) variable["value"] = value;
        _variables.Add(variable);
        return this;
    }

    public FlowBuilder Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"Workflow1:root:{id}",
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } },
        };
        foreach (var (name, value) in inputs) activity[name] = value;
        _activities.Add(activity);
        return this;
    }

    /// <summary>Marks an activity as a trigger that can start the workflow (Elsa's canStartWorkflow).</summary>
    public FlowBuilder Trigger(string id)
    {
        var activity = _activities.OfType<JsonObject>().Single(a => (string?)a["id"] == id);
        activity["customProperties"]!["canStartWorkflow"] = true;
        return this;
    }

    public FlowBuilder Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
            ["vertices"] = new JsonArray(),
        });
        return this;
    }

    /// <summary>Connects the activities in order through Done.</summary>
    public FlowBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++) Connect(ids[i - 1], ids[i]);
        return this;
    }

    public static JsonObject Literal(string typeName, string value) => Expr(typeName, "Literal", value);

    public static JsonObject Js(string typeName, string script) => Expr(typeName, "JavaScript", script);

    public static JsonObject Obj(string typeName, string json) => Expr(typeName, "Object", json);

    public static JsonObject VariableRef(string name, string typeName = "Object")
        => new() { ["id"] = name + "-id", ["name"] = name, ["typeName"] = typeName };

    private static JsonObject Expr(string typeName, string type, string value)
        => new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    /// <summary>The model as a designer sends it: no version id (the server assigns one), not published.</summary>
    public JsonObject ToModel() => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name ?? definitionId,
        ["version"] = 1,
        ["toolVersion"] = "3.8.0.0",
        ["variables"] = _variables.DeepClone(),
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["root"] = Root(),
    };

    private JsonObject Root() => new()
    {
        ["id"] = "root",
        ["nodeId"] = "Workflow1:root",
        ["type"] = "Elsa.Flowchart",
        ["version"] = 1,
        ["activities"] = _activities.DeepClone(),
        ["connections"] = _connections.DeepClone(),
    };

    /// <summary>An export-shaped, published definition.</summary>
    public string ToJson() => new JsonObject
    {
        ["id"] = definitionId + "-v1",
        ["definitionId"] = definitionId,
        ["name"] = name ?? definitionId,
        ["version"] = 1,
        ["toolVersion"] = "3.6.0.0",
        ["variables"] = _variables.DeepClone(),
        ["isLatest"] = true,
        ["isPublished"] = true,
        ["root"] = Root(),
    }.ToJsonString();

    public WorkflowDefinitionModel Build() => ElsaJson.ParseDefinition(ToJson());
}
