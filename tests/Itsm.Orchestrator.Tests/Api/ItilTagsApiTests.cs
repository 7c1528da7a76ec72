using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Itil;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>ITIL tags through the API: the descriptors' tag inputs, tags in the journal, the tag filters, and publish checks.</summary>
public sealed class ItilTagsApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();

    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject Tags(params string[] values) => Obj("String[]", JsonSerializer.Serialize(values));

    /// <summary>Logs (engage, service desk), then classifies (deliver and support, incident management), then ends.</summary>
    private static FlowBuilder Tagged(string definitionId = "tagged") => new FlowBuilder(definitionId, "Tagged")
        .Activity("start", "Elsa.Start")
        .Activity("log", "Elsa.WriteLine", ("text", Literal("String", "logged")),
            (ItilTagInputs.ValueChain, Tags("engage")), (ItilTagInputs.Practices, Tags("service-desk")), (ItilTagInputs.Roles, Tags("service desk agent")))
        .Activity("classify", "Elsa.WriteLine", ("text", Literal("String", "classified")),
            (ItilTagInputs.ValueChain, Tags("deliver-and-support")), (ItilTagInputs.Practices, Tags("incident-management")),
            (ItilTagInputs.Roles, Tags("network support engineer")))
        .Activity("end", "Elsa.End")
        .Chain("start", "log", "classify", "end");

    private static FlowBuilder OneStep(string definitionId, string[] chain, string[] practices, string[] roles) => new FlowBuilder(definitionId, definitionId)
        .Activity("start", "Elsa.Start")
        .Activity("step", "Elsa.WriteLine", ("text", Literal("String", "x")),
            (ItilTagInputs.ValueChain, Tags(chain)), (ItilTagInputs.Practices, Tags(practices)), (ItilTagInputs.Roles, Tags(roles)))
        .Chain("start", "step");

    private async Task<List<string>> JournalActivitiesAsync(string instanceId, string query)
    {
        var response = await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal{query}");
        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body["items"]!.AsArray().Select(item => item!["activityId"]!.GetValue<string>()).Distinct().ToList();
    }

    private async Task<List<string>> InstanceIdsAsync(string query)
    {
        var response = await Client.GetAsync($"{ApiClientExtensions.Instances}{query}");
        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Descriptors_list_the_three_tag_inputs_with_checklist_options_on_a_built_in()
    {
        var list = await (await Client.GetAsync("/elsa/api/descriptors/activities")).ReadNodeAsync();
        var writeLine = list["items"]!.AsArray().Single(item => item!["typeName"]!.GetValue<string>() == "Elsa.WriteLine")!;
        writeLine["category"]!.GetValue<string>().Should().Be("Console", "Elsa's built-ins keep their categories");

        var inputs = writeLine["inputs"]!.AsArray();
        inputs.Select(input => input!["name"]!.GetValue<string>()).Should().Contain(["ItilValueChain", "ItilPractices", "ItilRoles"]);
        foreach (var name in new[] { "ItilValueChain", "ItilPractices", "ItilRoles" })
        {
            var input = inputs.Single(i => i!["name"]!.GetValue<string>() == name)!;
            input["typeName"]!.GetValue<string>().Should().Be("String[]");
            input["category"]!.GetValue<string>().Should().Be("ITIL");
            input["uiHint"]!.GetValue<string>().Should().Be("checklist");
        }

        static List<JsonNode> Items(JsonArray inputs, string name) => inputs.Single(i => i!["name"]!.GetValue<string>() == name)!
            ["uiSpecifications"]!["checklist"]!["checkList"]!["items"]!.AsArray().Select(item => item!).ToList();
        Items(inputs, "ItilValueChain").Select(item => item["value"]!.GetValue<string>()).Should().Equal(
            "demand", "plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support", "value");
        var practices = Items(inputs, "ItilPractices");
        practices.Should().HaveCount(34);
        practices.Single(item => item["value"]!.GetValue<string>() == "incident-management")["text"]!.GetValue<string>()
            .Should().Be("Incident management (Service management)");
        Items(inputs, "ItilRoles").Select(item => item["value"]!.GetValue<string>()).Should().Contain("service desk agent");
    }

    [Fact]
    public async Task Journal_records_carry_the_node_tags_and_the_journal_filters_by_each_tag()
    {
        await Client.SaveAsync(Tagged(), publish: true);
        var instanceId = await Client.ExecuteAsync("tagged");

        var journal = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal")).ReadNodeAsync();
        var logRecord = journal["items"]!.AsArray().First(item => item!["activityId"]!.GetValue<string>() == "log")!;
        logRecord["payload"]!["tags"]!["valueChain"].Strings().Should().Equal("engage");
        logRecord["payload"]!["tags"]!["practices"].Strings().Should().Equal("service-desk");
        logRecord["payload"]!["tags"]!["roles"].Strings().Should().Equal("service desk agent");

        (await JournalActivitiesAsync(instanceId, "?valueChain=engage")).Should().Equal("log");
        (await JournalActivitiesAsync(instanceId, "?practice=incident-management")).Should().Equal("classify");
        (await JournalActivitiesAsync(instanceId, "?role=Network%20Support%20Engineer")).Should().Equal("classify");
        (await JournalActivitiesAsync(instanceId, "?valueChain=engage&practice=incident-management")).Should().BeEmpty();
        (await JournalActivitiesAsync(instanceId, "?practice=problem-management")).Should().BeEmpty();

        var posted = await Client.PostJsonAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal?practice=service-desk", new JsonObject());
        var postedBody = await posted.ReadNodeAsync();
        posted.StatusCode.Should().Be(HttpStatusCode.OK, postedBody.ToJsonString());
        postedBody["items"]!.AsArray().Select(item => item!["activityId"]!.GetValue<string>()).Distinct().Should().Equal("log");
    }

    [Fact]
    public async Task Instance_lists_filter_by_each_tag_to_instances_with_such_a_journal_record()
    {
        await Client.SaveAsync(Tagged(), publish: true);
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        var tagged = await Client.ExecuteAsync("tagged");
        var untagged = await Client.ExecuteAsync("counter");

        (await InstanceIdsAsync("")).Should().BeEquivalentTo([tagged, untagged]);
        (await InstanceIdsAsync("?valueChain=deliver-and-support")).Should().Equal(tagged);
        (await InstanceIdsAsync("?practice=service-desk")).Should().Equal(tagged);
        (await InstanceIdsAsync("?role=SERVICE%20DESK%20AGENT")).Should().Equal(tagged);
        (await InstanceIdsAsync("?valueChain=deliver-and-support&practice=incident-management")).Should().Equal(tagged);
        (await InstanceIdsAsync("?valueChain=engage&practice=incident-management")).Should().BeEmpty(
            "an instance matches when one record carries every tag asked for, as the journal filter does");
        (await InstanceIdsAsync("?practice=problem-management")).Should().BeEmpty();
        (await InstanceIdsAsync("?role=service")).Should().BeEmpty("a role matches whole");

        var posted = await Client.PostJsonAsync(ApiClientExtensions.Instances, new JsonObject { ["practice"] = "incident-management" });
        var body = await posted.ReadNodeAsync();
        posted.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).Should().Equal(tagged);
        body["totalCount"]!.GetValue<long>().Should().Be(1);
    }

    [Theory]
    [InlineData("?valueChain=engag", "valueChain")]
    [InlineData("?practice=incident", "practice")]
    [InlineData("?role=a%22b", "role")]
    public async Task Bad_tag_filter_values_are_problems_naming_the_field(string query, string field)
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        var instanceId = await Client.ExecuteAsync("counter");

        var journal = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        journal["errors"]![field].Should().NotBeNull(journal.ToJsonString());
        var instances = await (await Client.GetAsync($"{ApiClientExtensions.Instances}{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        instances["errors"]![field].Should().NotBeNull(instances.ToJsonString());
    }

    [Fact]
    public async Task Publishing_unknown_chain_activity_or_practice_is_refused_naming_the_node()
    {
        var flow = OneStep("typo", ["engag"], ["incident-managment"], ["service desk agent"]);

        var response = await Client.PostJsonAsync(ApiClientExtensions.Definitions, new JsonObject { ["model"] = flow.ToModel(), ["publish"] = true });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["message"]!.GetValue<string>().Should().Contain("'step'").And.Contain("engag").And.Contain("incident-managment");
        problem["errors"]![$"root.activities[1].{ItilTagInputs.ValueChain}"].Should().NotBeNull();
        problem["errors"]![$"root.activities[1].{ItilTagInputs.Practices}"].Should().NotBeNull();
        (await Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/typo?versionOptions=Published")).StatusCode
            .Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_a_practice_with_zero_heat_in_the_nodes_chain_activities_publishes_with_a_warning()
    {
        await Client.SaveAsync(OneStep("cold", ["plan"], ["service-validation-and-testing"], ["tester"]), publish: false);

        var response = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/cold/publish", new JsonObject());

        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["workflowDefinition"]!["isPublished"]!.GetValue<bool>().Should().BeTrue();
        var warning = body["warnings"]!.AsArray().Should().ContainSingle().Subject!;
        warning["path"]!.GetValue<string>().Should().Be($"root.activities[1].{ItilTagInputs.Practices}");
        warning["message"]!.GetValue<string>().Should().Contain("'step'").And.Contain("service-validation-and-testing");

        var saved = await Client.PostJsonAsync(ApiClientExtensions.Definitions,
            new JsonObject { ["model"] = OneStep("cold", ["plan"], ["service-validation-and-testing"], ["tester"]).ToModel(), ["publish"] = true });
        var savedBody = await saved.ReadNodeAsync();
        saved.StatusCode.Should().Be(HttpStatusCode.OK, savedBody.ToJsonString());
        savedBody["warnings"]!.AsArray().Should().ContainSingle("saving with publish reports it too");
    }

    [Fact]
    public async Task A_role_outside_the_known_list_publishes_without_warning_and_is_journaled()
    {
        var response = await Client.PostJsonAsync(ApiClientExtensions.Definitions,
            new JsonObject { ["model"] = OneStep("night", ["deliver-and-support"], ["incident-management"], ["night shift coordinator"]).ToModel(), ["publish"] = true });

        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["warnings"]!.AsArray().Should().BeEmpty();
        var instanceId = await Client.ExecuteAsync("night");
        (await JournalActivitiesAsync(instanceId, "?role=night%20shift%20coordinator")).Should().Equal("step");
    }
}
