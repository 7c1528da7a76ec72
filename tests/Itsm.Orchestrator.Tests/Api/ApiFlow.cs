using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Writes small definitions in the shape Elsa Studio saves, so API tests read as flows rather than JSON.</summary>
public sealed class ApiFlow(string definitionId, string? name = null)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    public ApiFlow Variable(string variableName, string typeName, string? value = null)
    {
        var variable = new JsonObject { ["id"] = variableName + "-id", ["name"] = variableName, ["typeName"] = typeName, ["isArray"] = false };
        if (value is not null) variable["value"] = value;
        _variables.Add(variable);
        return this;
    }

    public ApiFlow Activity(string id, string type, params (string Name, JsonNode? Value)[] inputs)
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
        foreach (var (inputName, value) in inputs) activity[inputName] = value;
        _activities.Add(activity);
        return this;
    }

    public ApiFlow Trigger(string id)
    {
        var activity = _activities.OfType<JsonObject>().Single(a => (string?)a["id"] == id);
        activity["customProperties"]!["canStartWorkflow"] = true;
        return this;
    }

    public ApiFlow Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
            _connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = ids[i - 1], ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = ids[i], ["port"] = "In" },
                ["vertices"] = new JsonArray(),
            });
        return this;
    }

    public static JsonObject Literal(string typeName, string value) => Expr(typeName, "Literal", value);

    public static JsonObject Js(string typeName, string script) => Expr(typeName, "JavaScript", script);

    public static JsonObject Obj(string typeName, string json) => Expr(typeName, "Object", json);

    public static JsonObject VariableRef(string variableName, string typeName = "Object")
        => new() { ["id"] = variableName + "-id", ["name"] = variableName, ["typeName"] = typeName };

    private static JsonObject Expr(string typeName, string type, string value)
        => new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    /// <summary>The model as the designer sends it (no version id: the server assigns one).</summary>
    public JsonObject ToModel() => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name ?? definitionId,
        ["version"] = 1,
        ["toolVersion"] = "3.8.0.0",
        ["variables"] = _variables.DeepClone(),
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["root"] = new JsonObject
        {
            ["id"] = "root",
            ["nodeId"] = "Workflow1:root",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    };

    /// <summary>A start, one variable set to 1, a line written, an end.</summary>
    public static ApiFlow Counter(string definitionId = "counter") => new ApiFlow(definitionId, "Counter")
        .Variable("Count", "Int32", "0")
        .Activity("start", "Elsa.Start")
        .Activity("set", "Elsa.SetVariable", ("variable", VariableRef("Count", "Int32")), ("value", Literal("Object", "1")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "counted")))
        .Activity("end", "Elsa.End")
        .Chain("start", "set", "log", "end");

    /// <summary>Waits in a role's inbox for a task to be completed, then ends.</summary>
    public static ApiFlow Task(string definitionId = "triage") => new ApiFlow(definitionId, "Triage")
        .Activity("start", "Elsa.Start")
        .Activity("triage", "Elsa.RunTask", ("taskName", Literal("String", "Triage")), ("role", Literal("String", "agent")),
            ("title", Literal("String", "Triage the incident")))
        .Activity("end", "Elsa.End")
        .Chain("start", "triage", "end");

    /// <summary>Waits for the event <paramref name="eventName"/>, then ends.</summary>
    public static ApiFlow WaitsFor(string eventName, string definitionId = "approval") => new ApiFlow(definitionId, "Approval")
        .Activity("start", "Elsa.Start")
        .Activity("wait", "Elsa.Event", ("eventName", Literal("String", eventName)))
        .Activity("end", "Elsa.End")
        .Chain("start", "wait", "end");

    /// <summary>Started by <c>POST /workflows/{path}</c>; writes no response of its own.</summary>
    public static ApiFlow Webhook(string path, string definitionId = "intake") => new ApiFlow(definitionId, "Intake")
        .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", path)), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "received")))
        .Chain("hook", "log")
        .Trigger("hook");

    /// <summary>Faults at its second step.</summary>
    public static ApiFlow Faulting(string definitionId = "broken") => new ApiFlow(definitionId, "Broken")
        .Activity("start", "Elsa.Start")
        .Activity("fail", "Elsa.Fault", ("message", Literal("String", "boom")))
        .Chain("start", "fail");
}
