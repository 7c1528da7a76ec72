using System.Globalization;
using System.Text.Json.Nodes;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;

namespace Itsm.Benchmarks.Engine;

/// <summary>
/// The definitions the engine and storage benches run, written as Elsa 3 export JSON and compiled through
/// the same parser and compiler the orchestrator uses, so the figures cover the real input-binding path
/// rather than a hand-built object graph.
/// </summary>
internal static class BenchFlows
{
    // Without a container: the activities that need no ports (SendHttpRequest needs a sender; the benches call out nowhere).
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create(ActivityRegistry.BuiltInTypes().Where(type => ActivityPorts.RequiredOf(type).Count == 0));

    /// <summary>
    /// <paramref name="steps"/> <c>Elsa.SetVariable</c> activities chained Done→Done over ten variables
    /// (even ones Int32, odd ones String). Literal values, or JavaScript that reads the variable it writes,
    /// so every script step really evaluates an expression against the variable scope.
    /// </summary>
    public static CompiledWorkflow SetVariableChain(int steps, bool javaScript)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var variables = new JsonArray();
        for (var v = 0; v < 10; v++)
        {
            var isInt = v % 2 == 0;
            variables.Add(Variable(VariableName(v), isInt ? "Int32" : "String", isInt ? "0" : ""));
        }

        var activities = new JsonArray();
        for (var s = 0; s < steps; s++)
        {
            var v = s % 10;
            var isInt = v % 2 == 0;
            var name = VariableName(v);
            var value = javaScript
                ? Expression("JavaScript", isInt ? $"variables.{name} + 1" : $"variables.{name} + 'x'")
                : Expression("Literal", isInt ? (s + 1).ToString(CultureInfo.InvariantCulture) : "hello");
            activities.Add(SetVariable($"set{s}", name, isInt ? "Int32" : "String", value));
        }

        var id = javaScript ? "bench-js" : "bench-literal";
        return Compile($"{id}-{steps}", variables, activities, Chain(activities));
    }

    /// <summary>
    /// A small realistic approval flow: Start → three SetVariable (ticket, priority, assignee; one of them a
    /// script reading the start input) → Event "approved" (suspends on a bookmark) → End.
    /// </summary>
    public static CompiledWorkflow ApprovalFlow()
    {
        var variables = new JsonArray
        {
            Variable("TicketId", "String", null),
            Variable("Priority", "Int32", "3"),
            Variable("Assignee", "String", null),
        };
        var activities = new JsonArray
        {
            Activity("start", "Elsa.Start"),
            SetVariable("setTicket", "TicketId", "String", Expression("JavaScript", "getInput('ticketId')")),
            SetVariable("setPriority", "Priority", "Int32", Expression("Literal", "2")),
            SetVariable("setAssignee", "Assignee", "String", Expression("Literal", "service-desk")),
            Activity("waitApproval", "Elsa.Event", ("eventName", Expression("Literal", "approved", "String"))),
            Activity("end", "Elsa.End"),
        };
        return Compile("bench-approval", variables, activities, Chain(activities));
    }

    /// <summary>A definition given as Elsa 3 JSON (e.g. a shipped stream), compiled like the orchestrator does.</summary>
    public static CompiledWorkflow FromJson(string json) => new WorkflowCompiler(Registry).Compile(ElsaJson.ParseDefinition(json));

    private static string VariableName(int index) => "V" + index.ToString(CultureInfo.InvariantCulture);

    private static CompiledWorkflow Compile(string definitionId, JsonArray variables, JsonArray activities, JsonArray connections)
    {
        var json = new JsonObject
        {
            ["id"] = definitionId + "-v1",
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 1,
            ["toolVersion"] = "3.6.0.0",
            ["variables"] = variables,
            ["isLatest"] = true,
            ["isPublished"] = true,
            ["root"] = new JsonObject
            {
                ["id"] = "root",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = activities,
                ["connections"] = connections,
            },
        }.ToJsonString();
        return new WorkflowCompiler(Registry).Compile(ElsaJson.ParseDefinition(json));
    }

    private static JsonObject Variable(string name, string typeName, string? defaultValue)
    {
        var variable = new JsonObject { ["id"] = name + "-id", ["name"] = name, ["typeName"] = typeName, ["isArray"] = false };
        if (defaultValue is not null)
        {
            variable["value"] = defaultValue;
        }

        return variable;
    }

    private static JsonObject SetVariable(string id, string variable, string typeName, JsonObject value) =>
        Activity(
            id,
            "Elsa.SetVariable",
            ("variable", new JsonObject { ["id"] = variable + "-id", ["name"] = variable, ["typeName"] = typeName }),
            ("value", value));

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = "Workflow1:root:" + id,
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    private static JsonObject Expression(string type, string value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static JsonArray Chain(JsonArray activities)
    {
        var connections = new JsonArray();
        for (var i = 1; i < activities.Count; i++)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = activities[i - 1]!["id"]!.GetValue<string>(), ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = activities[i]!["id"]!.GetValue<string>(), ["port"] = "In" },
            });
        }

        return connections;
    }
}
