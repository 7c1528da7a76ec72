using System.Text.Json.Nodes;

namespace Itsm.Benchmarks.Webhook;

/// <summary>
/// The shipped incident intake stream (<c>workflows/incident-intake.json</c>: webhook → three script steps → a triage
/// task), read from the repository, and its literal twin: the same stream with every JavaScript input replaced by a
/// literal, so the two differ only in what the scripts cost.
/// </summary>
internal static class IntakeWorkflow
{
    public const string Path = "incidents";

    public static string Json() => File.ReadAllText(Locate("incident-intake.json"));

    /// <summary>A shipped stream of <c>workflows/</c>, as the host publishes it.</summary>
    public static string Shipped(string fileName) => File.ReadAllText(Locate(fileName));

    /// <summary>The intake stream with literal inputs where it has scripts (an Object literal for the task payload).</summary>
    public static string LiteralJson()
    {
        var root = JsonNode.Parse(Json())!;
        root["definitionId"] = "incident-intake-literal";
        root["id"] = "incident-intake-literal-v1";
        Replace(root);
        return root.ToJsonString();
    }

    private static void Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["expression"] is JsonObject expression && (string?)expression["type"] == "JavaScript")
                {
                    var isObject = (string?)obj["typeName"] == "Object" && ((string?)expression["value"])!.TrimStart().StartsWith("({", StringComparison.Ordinal);
                    obj["expression"] = isObject
                        ? new JsonObject { ["type"] = "Object", ["value"] = """{"title":"Access point AP-17 unreachable","priority":"P3"}""" }
                        : new JsonObject { ["type"] = "Literal", ["value"] = "Access point AP-17 unreachable" };
                }
                foreach (var (_, child) in obj.ToList()) Replace(child);
                break;
            case JsonArray array:
                foreach (var child in array) Replace(child);
                break;
        }
    }

    private static string Locate(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = System.IO.Path.Combine(dir.FullName, "workflows", fileName);
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Itsm.sln")) && File.Exists(file)) return file;
        }
        throw new FileNotFoundException($"Run the bench from inside the Itsm repository (workflows/{fileName}).");
    }
}
