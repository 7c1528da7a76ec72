using System.Text.Json.Nodes;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// Small test-only definitions in Elsa 3's JSON, published through the API before a test opens them in Studio,
/// so a browser test never edits a shipped stream. Nodes sit 320 px apart on one row so no node hides a port.
/// </summary>
public static class TestDefinitions
{
    /// <summary>Start → Log: a two-node flowchart to open in the editor and add to.</summary>
    public static JsonObject StartThenWrite(string definitionId) => Flowchart(definitionId,
        [Node("start", "Elsa.Start", 0), Node("write", "Elsa.WriteLine", 1, ("text", Literal("String", "hello from the browser tests")))],
        [("start", "write")]);

    /// <summary>Start → wait for the event <paramref name="eventName"/> → End: an instance that runs until the test lets it go.</summary>
    public static JsonObject WaitForEvent(string definitionId, string eventName) => Flowchart(definitionId,
        [Node("start", "Elsa.Start", 0), Node("wait", "Elsa.Event", 1, ("eventName", Literal("String", eventName))), Node("end", "Elsa.End", 2)],
        [("start", "wait"), ("wait", "end")]);

    private static JsonObject Flowchart(string definitionId, JsonObject[] nodes, (string Source, string Target)[] connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = $"Browser test {definitionId}",
        ["version"] = 1,
        ["toolVersion"] = "3.8.0.0",
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "root",
            ["nodeId"] = "Workflow1:root",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray([.. nodes]),
            ["connections"] = new JsonArray([.. connections.Select(c => (JsonNode)new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = c.Source, ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = c.Target, ["port"] = "In" },
                ["vertices"] = new JsonArray(),
            })]),
        },
    };

    private static JsonObject Node(string id, string type, int column, params (string Name, JsonNode Value)[] inputs)
    {
        var node = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"Workflow1:root:{id}",
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject
            {
                ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 80 + 320 * column, ["y"] = 120 } },
            },
        };
        foreach (var (name, value) in inputs) node[name] = value;
        return node;
    }

    private static JsonObject Literal(string typeName, string value)
        => new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
