using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>
/// Elsa's bulk actions behind the list's links, at elsa-core's paths and shapes. Each item follows the single-item
/// route's rules and is reported on its own; a bad item never fails the others.
/// </summary>
public sealed class BulkActionsApiTests : IAsyncLifetime
{
    private const string BulkPublish = "/elsa/api/bulk-actions/publish/workflow-definitions/by-definition-ids";
    private const string BulkRetract = "/elsa/api/bulk-actions/retract/workflow-definitions/by-definition-ids";
    private const string BulkDeleteDefinitions = "/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id";
    private const string BulkDeleteVersions = "/elsa/api/bulk-actions/delete/workflow-definitions/by-id";
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Bulk_publish_reports_each_definition_by_its_fate()
    {
        await Client.SaveAsync(ApiFlow.Counter("draft-a"), publish: false);
        await Client.SaveAsync(ApiFlow.Counter("already"), publish: true);
        await Client.SaveAsync(new FlowBuilder("broken", "Broken").Activity("x", "Acme.Unknown"), publish: false);

        var response = await Client.PostJsonAsync(BulkPublish, Ids("definitionIds", "draft-a", "already", "missing", "broken"));
        var body = await response.ReadNodeAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["published"].Strings().Should().Equal("draft-a");
        body["alreadyPublished"].Strings().Should().Equal("already");
        body["notFound"].Strings().Should().Equal("missing");
        body["failed"].Strings().Should().Equal("broken");
        body["errors"]!["broken"].Strings().Should().ContainSingle().Which.Should().Contain("Acme.Unknown");
        body["skipped"].Strings().Should().BeEmpty();
        body["updatedConsumers"].Strings().Should().BeEmpty();
        body["warnings"]!.AsObject().Should().BeEmpty();
        (await PublishedAsync("draft-a")).Should().BeTrue();
        (await PublishedAsync("broken")).Should().BeFalse();
    }

    [Fact]
    public async Task Bulk_retract_unpublishes_and_names_what_was_not_published_or_not_found()
    {
        await Client.SaveAsync(ApiFlow.Counter("live"), publish: true);
        await Client.SaveAsync(ApiFlow.Counter("draft"), publish: false);

        var response = await Client.PostJsonAsync(BulkRetract, Ids("definitionIds", "live", "draft", "missing"));
        var body = await response.ReadNodeAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["retracted"].Strings().Should().Equal("live");
        body["alreadyRetracted"].Strings().Should().Equal("draft");
        body["notPublished"].Strings().Should().Equal("draft");
        body["notFound"].Strings().Should().Equal("missing");
        body["skipped"].Strings().Should().BeEmpty();
        (await PublishedAsync("live")).Should().BeFalse();
        var run = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/live/execute", new JsonObject { ["versionOptions"] = "Published" });
        run.IsSuccessStatusCode.Should().BeFalse("a retracted definition starts nothing");
    }

    [Fact]
    public async Task Bulk_delete_by_definition_id_refuses_a_definition_with_a_waiting_instance_and_deletes_the_rest()
    {
        await Client.SaveAsync(ApiFlow.Task("busy"), publish: true);
        await Client.ExecuteAsync("busy");
        await Client.SaveAsync(ApiFlow.Counter("idle"), publish: true);
        await Client.SaveAsync(ApiFlow.Counter("idle"), publish: false);

        var response = await Client.PostJsonAsync(BulkDeleteDefinitions, Ids("definitionIds", "busy", "idle", "missing"));
        var body = await response.ReadNodeAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["deleted"]!.GetValue<long>().Should().Be(2, "both versions of 'idle'");
        body["notFound"].Strings().Should().Equal("missing");
        body["refused"]!["busy"]!.GetValue<string>().Should().Contain("1 instance");
        (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/idle")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PublishedAsync("busy")).Should().BeTrue();
    }

    [Fact]
    public async Task Bulk_delete_by_version_id_deletes_single_versions_and_keeps_one_an_instance_waits_on()
    {
        var v1 = await Client.SaveAsync(ApiFlow.Task("triage"), publish: true);
        await Client.ExecuteAsync("triage");
        var v2 = await Client.SaveAsync(ApiFlow.Task("triage"), publish: true);
        var v3 = await Client.SaveAsync(ApiFlow.Task("triage"), publish: false);

        var response = await Client.PostJsonAsync(BulkDeleteVersions, Ids("ids", Id(v1), Id(v2), Id(v3), "no-such-version"));
        var body = await response.ReadNodeAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["deleted"]!.GetValue<long>().Should().Be(2);
        body["notFound"].Strings().Should().Equal("no-such-version");
        body["refused"]!.AsObject().Select(pair => pair.Key).Should().Equal(Id(v1));
        var versions = await (await Client.GetAsync($"{ApiClientExtensions.Definitions}?versionOptions=AllVersions&DefinitionIds=triage")).ReadNodeAsync();
        var left = versions["items"]!.AsArray().Single()!;
        left["id"]!.GetValue<string>().Should().Be(Id(v1));
        left["isLatest"]!.GetValue<bool>().Should().BeTrue("the highest remaining version becomes latest");
        left["isPublished"]!.GetValue<bool>().Should().BeFalse("the published v2 was retracted with its deletion");
        (await PublishedAsync("triage")).Should().BeFalse();
    }

    [Fact]
    public async Task Deleting_the_only_version_deletes_the_definition()
    {
        var only = await Client.SaveAsync(ApiFlow.Counter("solo"), publish: true);

        var body = await (await Client.PostJsonAsync(BulkDeleteVersions, Ids("ids", Id(only)))).ReadNodeAsync();

        body["deleted"]!.GetValue<long>().Should().Be(1);
        (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/solo")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.SaveAsync(ApiFlow.Counter("solo"), publish: true))["version"]!.GetValue<int>().Should().Be(1, "the id is free again");
    }

    [Theory]
    [InlineData(BulkPublish, "{}", "definitionIds")]
    [InlineData(BulkRetract, "{\"definitionIds\":null}", "definitionIds")]
    [InlineData(BulkDeleteDefinitions, "{\"definitionIds\":[\"a\",\" \"]}", "definitionIds[1]")]
    [InlineData(BulkDeleteVersions, "{\"definitionIds\":[\"a\"]}", "ids")]
    public async Task Bad_bulk_requests_are_400_problems_naming_the_field(string route, string body, string field)
    {
        await Client.SaveAsync(ApiFlow.Counter("a"), publish: false);

        var response = await Client.PostRawAsync(route, body, "application/json");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(pair => pair.Key).Should().Contain(field);
        (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/a")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Import_files_saves_each_json_file_and_zip_entry_as_a_draft_and_reports_the_bad_ones()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = archive.CreateEntry("flows/zipped.json").Open())
                await entry.WriteAsync(Encoding.UTF8.GetBytes(ApiFlow.Counter("zipped").ToJson()));
            await using (var notes = archive.CreateEntry("readme.txt").Open())
                await notes.WriteAsync("not a definition"u8.ToArray());
        }
        using var form = new MultipartFormDataContent
        {
            { Json(ApiFlow.Counter("from-file").ToJson()), "files", "from-file.json" },
            { Json("{\"definitionId\": \"half\", \"name\": "), "files", "broken.json" },
            { Json("{\"definitionId\": \"no-root\"}"), "files", "no-root.json" },
            { new ByteArrayContent(zip.ToArray()), "files", "bundle.zip" },
        };

        var response = await Client.PostAsync($"{ApiClientExtensions.Definitions}/import-files", form);
        var body = await response.ReadNodeAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["count"]!.GetValue<int>().Should().Be(2);
        body["imported"]!.AsArray().Select(file => file!["definitionId"]!.GetValue<string>()).Should().BeEquivalentTo("from-file", "zipped");
        body["failed"]!.AsArray().Select(file => file!["fileName"]!.GetValue<string>()).Should().BeEquivalentTo("broken.json", "no-root.json");
        body["failed"]![1]!["errors"].Strings().Single().Should().StartWith("root");
        foreach (var id in new[] { "from-file", "zipped" })
        {
            var stored = await (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/{id}?versionOptions=Latest")).ReadNodeAsync();
            stored["isPublished"]!.GetValue<bool>().Should().BeFalse("an import saves a draft");
        }
    }

    [Fact]
    public async Task Import_files_without_files_is_a_400_problem_naming_files()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        var response = await Client.PostAsync($"{ApiClientExtensions.Definitions}/import-files", form);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(pair => pair.Key).Should().Contain("files");
    }

    private async Task<bool> PublishedAsync(string definitionId)
        => (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/{definitionId}?versionOptions=Published")).StatusCode == HttpStatusCode.OK;

    private static JsonObject Ids(string field, params string[] ids) => new() { [field] = new JsonArray(ids.Select(id => (JsonNode?)id).ToArray()) };

    private static string Id(JsonObject definition) => definition["id"]!.GetValue<string>();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
