using System.Text.Json;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Records.DemoEstate;

/// <summary>The demo estate shipped in the assembly (<c>demo-estate.json</c>): records with fixed ids and their data.</summary>
public sealed record DemoEstateFile(IReadOnlyList<DemoEstateFile.Entry> Records)
{
    public const string ResourceName = "Itsm.Orchestrator.Records.DemoEstate.demo-estate.json";

    public sealed record Entry(string Type, string Id, JsonObject Data);

    public static DemoEstateFile Load()
    {
        using var stream = typeof(DemoEstateFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo estate resource '{ResourceName}' is missing from the build.");
        return JsonSerializer.Deserialize<DemoEstateFile>(stream, JsonSerializerOptions.Web)
            ?? throw new JsonException("The demo estate file is empty.");
    }
}
