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

    [Theory]
    [MemberData(nameof(ShippedStreams))]
    public async Task Export_then_import_gives_a_json_equal_definition(string definitionId)
    {
        await using var driver = new StreamDriver();
        var published = await driver.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/{definitionId}?versionOptions=Published");
        published["isPublished"]!.GetValue<bool>().Should().BeTrue("the host publishes the shipped streams on start");

        var exported = await ExportAsync(driver, definitionId);
        var import = await driver.Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/import", exported.DeepClone());
        import.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await import.Content.ReadAsStringAsync());
        var reexported = await ExportAsync(driver, definitionId);

        JsonNode.DeepEquals(WithoutVersionFields(exported), WithoutVersionFields(reexported)).Should().BeTrue(
            $"export → import → export must not change {definitionId}:\n{WithoutVersionFields(exported).ToJsonString()}\n---\n{WithoutVersionFields(reexported).ToJsonString()}");
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowsFolder(), $"{definitionId}.json")))!;
        JsonNode.DeepEquals(file["root"], exported["root"]).Should().BeTrue($"the export of {definitionId} is the shipped file's flowchart");
    }

    private static async Task<JsonObject> ExportAsync(StreamDriver driver, string definitionId)
    {
        var response = await driver.Client.GetAsync($"{ApiClientExtensions.Definitions}/{definitionId}/export");
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
