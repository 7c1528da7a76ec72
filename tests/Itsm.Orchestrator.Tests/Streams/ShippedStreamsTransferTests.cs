using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Itsm.Orchestrator.Tests.Api;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>Every shipped stream in <c>workflows/</c> is published on start and survives export then import unchanged.</summary>
public sealed class ShippedStreamsTransferTests
{
    /// <summary>The fields a version carries of its own (ids, numbers, dates, publication), not what the stream is.</summary>
    private static readonly string[] VersionFields = ["id", "version", "createdAt", "isLatest", "isPublished", "links"];

    public static TheoryData<string> ShippedStreams() => new(DefinitionIds());

    private static List<string> DefinitionIds() => Directory.EnumerateFiles(WorkflowsFolder(), "*.json").Order(StringComparer.Ordinal)
        .Select(file => JsonNode.Parse(File.ReadAllText(file))!["definitionId"]!.GetValue<string>())
        .ToList();

    [Fact]
    public void Every_stream_of_the_brief_is_shipped()
        => DefinitionIds().Should().Contain([
            "a11-incident-resolution", "a12-third-party-software-error", "a13-new-it-service", "a14-regulatory-change",
            "continual-improvement", "mobile-new-app", "mobile-change-app", "mobile-fix-live-error", "mobile-pilot-experiment"]);

    /// <summary>
    /// Studio's own calls: its export dialog asks for the version by bare number with <c>includeConsumingWorkflows=False</c>,
    /// and its import posts the file to <c>/import</c>. The imported version, exported the same way, is the same definition
    /// field for field (designer positions and loop bend points included), and both are the shipped file.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShippedStreams))]
    public async Task Export_then_import_gives_a_json_equal_definition(string definitionId)
    {
        await using var driver = new StreamDriver();
        var published = await driver.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/{definitionId}?versionOptions=Published");
        published["isPublished"]!.GetValue<bool>().Should().BeTrue("the host publishes the shipped streams on start");
        var publishedVersion = published["version"]!.GetValue<int>();

        var exported = await ExportAsync(driver, definitionId, publishedVersion);
        exported["version"]!.GetValue<int>().Should().Be(publishedVersion, "Studio exports the version it shows");
        var import = await driver.Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/import", exported.DeepClone());
        var imported = await import.ReadNodeAsync();
        import.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], imported.ToJsonString());
        var importedVersion = imported["version"]!.GetValue<int>();
        importedVersion.Should().BeGreaterThan(publishedVersion, "an import is saved as the next (draft) version");
        var reexported = await ExportAsync(driver, definitionId, importedVersion);

        JsonNode.DeepEquals(WithoutVersionFields(exported), WithoutVersionFields(reexported)).Should().BeTrue(
            $"export → import → export must not change {definitionId}:\n{WithoutVersionFields(exported).ToJsonString()}\n---\n{WithoutVersionFields(reexported).ToJsonString()}");
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder(), $"{definitionId}.json")))!.AsObject();
        JsonNode.DeepEquals(WithoutVersionFields(file), WithoutVersionFields(exported)).Should().BeTrue(
            $"the export of {definitionId} is the shipped file:\n{WithoutVersionFields(file).ToJsonString()}\n---\n{WithoutVersionFields(exported).ToJsonString()}");
    }

    private static async Task<JsonObject> ExportAsync(StreamDriver driver, string definitionId, int version)
    {
        var response = await driver.Client.GetAsync($"{ApiClientExtensions.Definitions}/{definitionId}/export?versionOptions={version}&includeConsumingWorkflows=False");
        var node = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, node.ToJsonString());
        return node.AsObject();
    }

    private static JsonObject WithoutVersionFields(JsonObject definition)
    {
        var copy = definition.DeepClone().AsObject();
        foreach (var field in VersionFields) copy.Remove(field);
        return copy;
    }

    private static string WorkflowsFolder([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "workflows"));
}
