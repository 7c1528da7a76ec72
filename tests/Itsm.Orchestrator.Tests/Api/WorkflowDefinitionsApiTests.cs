using Itsm.Activities.Tests.Support;
using System.Net;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Studio's definition lifecycle through the Elsa routes: save, read back editable, publish, list, export, import.</summary>
public sealed class WorkflowDefinitionsApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Saved_draft_reads_back_as_latest_with_a_publish_link_so_the_editor_is_editable()
    {
        var saved = await Client.SaveAsync(ApiFlow.Counter(), publish: false);
        saved["isPublished"]!.GetValue<bool>().Should().BeFalse();
        Rels(saved).Should().Contain("publish");

        var definition = await (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/counter?versionOptions=Latest")).ReadNodeAsync();

        definition["definitionId"]!.GetValue<string>().Should().Be("counter");
        definition["isLatest"]!.GetValue<bool>().Should().BeTrue();
        definition["id"]!.GetValue<string>().Should().Be(saved["id"]!.GetValue<string>());
        definition["root"]!["activities"]!.AsArray().Should().HaveCount(4);
        Rels(definition).Should().Contain(["publish", "retract", "export", "execute", "delete"]);
    }

    [Fact]
    public async Task Publish_then_list_then_execute_then_read_the_instance_its_variables_and_journal()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: false);

        var publish = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/counter/publish", new JsonObject());
        var published = await publish.ReadNodeAsync();
        publish.StatusCode.Should().Be(HttpStatusCode.OK, published.ToJsonString());
        published["workflowDefinition"]!["isPublished"]!.GetValue<bool>().Should().BeTrue();
        published["alreadyPublished"]!.GetValue<bool>().Should().BeFalse();
        published["consumingWorkflowCount"]!.GetValue<int>().Should().Be(0);

        var list = await (await Client.GetAsync($"{ApiClientExtensions.Definitions}?versionOptions=Published&Page=0&PageSize=10&SearchTerm=&IsSystem=False&OrderDirection=Ascending")).ReadNodeAsync();
        list["totalCount"]!.GetValue<long>().Should().Be(1);
        list["items"]![0]!["definitionId"]!.GetValue<string>().Should().Be("counter");
        Rels(list["items"]![0]!).Should().Contain("publish");
        list["links"]!.AsArray().Should().NotBeEmpty();

        var execute = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/counter/execute",
            new JsonObject { ["correlationId"] = null, ["triggerActivityId"] = null, ["versionOptions"] = "Published", ["input"] = null });
        var executed = await execute.ReadNodeAsync();
        execute.StatusCode.Should().Be(HttpStatusCode.OK, executed.ToJsonString());
        execute.Headers.GetValues("x-elsa-workflow-cannot-start").Single().Should().Be("false");
        var instanceId = execute.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        executed["workflowState"]!["id"]!.GetValue<string>().Should().Be(instanceId);
        executed["workflowState"]!["status"]!.GetValue<string>().Should().Be("Finished");
        executed["workflowState"]!["subStatus"]!.GetValue<string>().Should().Be("Finished");

        var instance = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}")).ReadNodeAsync();
        instance["definitionId"]!.GetValue<string>().Should().Be("counter");
        instance["status"]!.GetValue<string>().Should().Be("Finished");
        instance["workflowState"]!["definitionVersion"]!.GetValue<int>().Should().Be(1);

        var variables = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/variables")).ReadNodeAsync();
        variables["count"]!.GetValue<int>().Should().Be(1);
        var count = variables["items"]![0]!;
        count["id"]!.GetValue<string>().Should().Be("Count-id");
        count["name"]!.GetValue<string>().Should().Be("Count");
        count["value"]!.GetValue<int>().Should().Be(1);

        var journal = await (await Client.PostJsonAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal?skip=0&take=110", new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["activityNodeIds"] = new JsonArray("Workflow1:root:set", "Workflow1:root:log"),
                ["excludedActivityTypes"] = new JsonArray("Elsa.Workflow", "Elsa.Flowchart"),
            },
        })).ReadNodeAsync();
        journal["totalCount"]!.GetValue<long>().Should().Be(2);
        journal["items"]!.AsArray().Select(item => item!["activityId"]!.GetValue<string>()).Should().Equal("set", "log");
        journal["items"]![0]!["nodeId"]!.GetValue<string>().Should().Be("Workflow1:root:set");
        journal["items"]![0]!["workflowInstanceId"]!.GetValue<string>().Should().Be(instanceId);

        var listed = await (await Client.GetAsync($"{ApiClientExtensions.Instances}?definitionId=counter")).ReadNodeAsync();
        listed["totalCount"]!.GetValue<long>().Should().Be(1);
        listed["items"]![0]!["subStatus"]!.GetValue<string>().Should().Be("Finished");
    }

    [Fact]
    public async Task Saving_with_publish_after_a_publish_creates_version_two_and_retract_unpublishes_it()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        var second = await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        second["version"]!.GetValue<int>().Should().Be(2);

        var retract = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/counter/retract", new JsonObject());
        var retracted = await retract.ReadNodeAsync();
        retract.StatusCode.Should().Be(HttpStatusCode.OK, retracted.ToJsonString());
        retracted["isPublished"]!.GetValue<bool>().Should().BeFalse();
        Rels(retracted).Should().Contain("publish");
    }

    [Fact]
    public async Task A_definition_that_does_not_compile_is_refused_in_the_shape_studio_shows_and_as_a_problem()
    {
        var broken = new FlowBuilder("broken-def").Activity("x", "Elsa.NoSuchActivity");

        var response = await Client.PostJsonAsync(ApiClientExtensions.Definitions, new JsonObject { ["model"] = broken.ToModel(), ["publish"] = true });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["statusCode"]!.GetValue<int>().Should().Be(400);
        problem["message"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        problem["errors"]!["generalErrors"].Strings().Should().NotBeEmpty();
        (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/broken-def?versionOptions=Published")).StatusCode
            .Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_without_a_model_names_the_field()
    {
        var response = await Client.PostJsonAsync(ApiClientExtensions.Definitions, new JsonObject { ["publish"] = false });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["model"].Should().NotBeNull();
    }

    [Fact]
    public async Task Unknown_definitions_are_404_problems()
    {
        await (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/nope/publish", new JsonObject())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/nope/execute", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"{ApiClientExtensions.Definitions}/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_downloads_the_version_as_a_file_with_a_schema()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);

        var response = await Client.GetAsync($"{ApiClientExtensions.Definitions}/counter/export?versionOptions=1&includeConsumingWorkflows=False");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').Should().Be("counter-v1.json");
        var export = await response.ReadNodeAsync();
        export["$schema"]!.GetValue<string>().Should().StartWith("https://elsaworkflows.io/schemas/workflow-definition/");
        export["definitionId"]!.GetValue<string>().Should().Be("counter");
        export["links"].Should().BeNull();
    }

    [Fact]
    public async Task Import_saves_a_draft_even_when_the_file_says_published()
    {
        var file = ApiFlow.Counter("imported").ToModel();
        file["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";
        file["isPublished"] = true;

        var response = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/import", file);

        var imported = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, imported.ToJsonString());
        imported["isPublished"]!.GetValue<bool>().Should().BeFalse();
        (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/imported?versionOptions=Published")).StatusCode
            .Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_without_a_definition_id_creates_one_and_answers_201()
    {
        var file = ApiFlow.Counter("x").ToModel();
        file.Remove("definitionId");

        var response = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/import", file);

        var imported = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, imported.ToJsonString());
        imported["definitionId"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        response.Headers.Location.Should().NotBeNull();
    }

    [Fact]
    public async Task Name_uniqueness_ignores_the_definition_being_renamed()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: false);

        var self = await (await Client.GetAsync($"{ApiClientExtensions.Definitions}/validation/is-name-unique?name=Counter&definitionId=counter")).ReadNodeAsync();
        var other = await (await Client.GetAsync($"{ApiClientExtensions.Definitions}/validation/is-name-unique?name=counter&definitionId=another")).ReadNodeAsync();

        self["isUnique"]!.GetValue<bool>().Should().BeTrue();
        other["isUnique"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Execute_answers_500_with_the_state_when_the_run_faults()
    {
        await Client.SaveAsync(ApiFlow.Faulting(), publish: true);

        var response = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/broken/execute", null);

        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, body.ToJsonString());
        response.Headers.GetValues("x-elsa-workflow-instance-id").Single().Should().NotBeNullOrWhiteSpace();
        body["workflowState"]!["subStatus"]!.GetValue<string>().Should().Be("Faulted");
        body["workflowState"]!["incidents"]!.AsArray().Should().ContainSingle();
    }

    private static IEnumerable<string> Rels(JsonNode definition)
        => definition["links"]!.AsArray().Select(link => link!["rel"]!.GetValue<string>());
}
