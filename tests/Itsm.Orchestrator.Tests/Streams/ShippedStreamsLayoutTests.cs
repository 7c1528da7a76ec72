using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>
/// The designer positions of every shipped stream (<c>metadata.designer.position</c>, the node's top-left corner) leave
/// each node and its ports visible in Studio: every flowchart, nested ones too, is checked with a node box of
/// <see cref="NodeWidth"/> x <see cref="NodeHeight"/>, nodes on a row at least <see cref="MinColumnGap"/> apart, and
/// the flow read left to right, a loop back drawn around the nodes rather than through them.
/// </summary>
public sealed class ShippedStreamsLayoutTests
{
    // Studio sizes a node from its name and ports; 260 x 80 covers the shipped streams' names and outcome labels.
    private const double NodeWidth = 260;
    private const double NodeHeight = 80;
    private const double MinColumnGap = 300;
    private const double SameRowBand = 120;
    private const string FlowchartType = "Elsa.Flowchart";

    public static TheoryData<string> ShippedFiles() => new(Directory.EnumerateFiles(WorkflowsFolder(), "*.json")
        .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Every_shipped_stream_is_checked()
        => ShippedFiles().Should().HaveCountGreaterThanOrEqualTo(10, "workflows/ ships the appendix, improvement, intake and mobile-app streams");

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_node_has_a_designer_position(string file)
    {
        foreach (var flowchart in FlowchartsOf(file))
            foreach (var activity in Activities(flowchart.Node))
                PositionOf(activity).Should().NotBeNull($"{file}: node '{activity["id"]}' of flowchart '{flowchart.Id}' needs metadata.designer.position {{x, y}}");
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Nodes_on_a_row_are_at_least_300_px_apart_and_no_boxes_overlap(string file)
    {
        var problems = new List<string>();
        foreach (var flowchart in FlowchartsOf(file))
        {
            var nodes = Nodes(flowchart.Node);
            for (var i = 0; i < nodes.Count; i++)
                for (var j = i + 1; j < nodes.Count; j++)
                {
                    var (a, b) = (nodes[i], nodes[j]);
                    var dx = Math.Abs(a.X - b.X);
                    var dy = Math.Abs(a.Y - b.Y);
                    if (dy <= SameRowBand && dx < MinColumnGap)
                        problems.Add($"'{a.Id}' ({a.X},{a.Y}) and '{b.Id}' ({b.X},{b.Y}) share a row {dx} px apart (< {MinColumnGap})");
                    else if (dx < NodeWidth && dy < NodeHeight)
                        problems.Add($"'{a.Id}' ({a.X},{a.Y}) and '{b.Id}' ({b.X},{b.Y}) overlap as {NodeWidth}x{NodeHeight} boxes");
                }
        }
        problems.Should().BeEmpty($"{file}'s nodes must not hide each other or their ports");
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void The_flow_reads_left_to_right_and_loops_go_around_the_nodes(string file)
    {
        var problems = new List<string>();
        foreach (var flowchart in FlowchartsOf(file))
        {
            var nodes = Nodes(flowchart.Node).ToDictionary(node => node.Id, StringComparer.Ordinal);
            foreach (var connection in flowchart.Node["connections"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var sourceId = connection["source"]?["activity"]?.GetValue<string>();
                var targetId = connection["target"]?["activity"]?.GetValue<string>();
                if (sourceId is null || targetId is null || !nodes.TryGetValue(sourceId, out var source) || !nodes.TryGetValue(targetId, out var target))
                {
                    problems.Add($"connection {sourceId} → {targetId} names a node without a position");
                    continue;
                }
                if (target.X > source.X)
                    continue;
                // A loop back: its bend points must keep the line out of every node box, or it would cross the path it returns over.
                var vertices = connection["vertices"]?.AsArray().OfType<JsonObject>().Select(v => (X: Number(v["x"]), Y: Number(v["y"]))).ToList() ?? [];
                if (vertices.Count < 2)
                    problems.Add($"loop {sourceId} → {targetId} has no bend points to run around the nodes it passes");
                else
                    problems.AddRange(vertices.SelectMany(vertex => nodes.Values
                        .Where(node => vertex.X >= node.X && vertex.X <= node.X + NodeWidth && vertex.Y >= node.Y && vertex.Y <= node.Y + NodeHeight)
                        .Select(node => $"loop {sourceId} → {targetId} bends at ({vertex.X},{vertex.Y}) inside '{node.Id}'")));
            }
        }
        problems.Should().BeEmpty($"{file} should read left to right in the order of its path");
    }

    private sealed record Flowchart(string Id, JsonObject Node);

    private sealed record PlacedNode(string Id, double X, double Y);

    /// <summary>The root flowchart and every flowchart nested anywhere below it (an activity of that type, or one held in an input such as a body).</summary>
    private static List<Flowchart> FlowchartsOf(string file)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder(), file)))!.AsObject();
        var found = new List<Flowchart>();
        Collect(definition["root"], found);
        found.Should().NotBeEmpty($"{file} has a root flowchart");
        return found;
    }

    private static void Collect(JsonNode? node, List<Flowchart> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName == FlowchartType)
                    found.Add(new Flowchart(obj["id"]?.GetValue<string>() ?? "(root)", obj));
                foreach (var (_, child) in obj)
                    Collect(child, found);
                break;
            case JsonArray array:
                foreach (var child in array)
                    Collect(child, found);
                break;
        }
    }

    private static IEnumerable<JsonObject> Activities(JsonObject flowchart)
        => flowchart["activities"]?.AsArray().OfType<JsonObject>() ?? [];

    private static List<PlacedNode> Nodes(JsonObject flowchart) => Activities(flowchart)
        .Select(activity => (Id: activity["id"]!.GetValue<string>(), Position: PositionOf(activity)))
        .Where(node => node.Position is not null)
        .Select(node => new PlacedNode(node.Id, node.Position!.Value.X, node.Position.Value.Y))
        .ToList();

    private static (double X, double Y)? PositionOf(JsonObject activity)
        => activity["metadata"]?["designer"]?["position"] is JsonObject { } position && position["x"] is JsonValue && position["y"] is JsonValue
            ? (Number(position["x"]), Number(position["y"]))
            : null;

    private static double Number(JsonNode? value) => value!.GetValue<double>();

    private static string WorkflowsFolder([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "workflows"));
}
