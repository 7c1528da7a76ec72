using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Itsm.Activities.Expressions;

namespace Itsm.Activities.Tests.Expressions;

/// <summary>
/// The A.1.1 stream is the showcase and the start-rate benchmark: a script outside the engine-free subset makes its
/// burst build a Jint engine and wait for the script gate (one script at a time on two cores), which held its webhook
/// starts to 333/s.
/// </summary>
public sealed class ShippedScriptsFastPathTests
{
    [Fact]
    public void Every_script_of_the_incident_resolution_stream_is_in_the_engine_free_subset()
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder(), "a11-incident-resolution.json")))!;
        var scripts = Scripts(definition).ToList();

        scripts.Should().NotBeEmpty();
        scripts.Should().AllSatisfy(source => PreparedScript.Prepare(source).Fast.Should().NotBeNull("`{0}` should run without an engine", source));
    }

    private static IEnumerable<string> Scripts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)obj["type"] == "JavaScript"
                    && obj["value"] is JsonValue value && value.TryGetValue<string>(out var source))
                    yield return source;
                foreach (var (_, child) in obj)
                    foreach (var script in Scripts(child)) yield return script;
                break;
            case JsonArray array:
                foreach (var child in array)
                    foreach (var script in Scripts(child)) yield return script;
                break;
        }
    }

    private static string WorkflowsFolder([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "workflows"));
}
