using Itsm.Activities.Tests.Support;
using System.Net;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Tasks, events and resume tokens: each continues a waiting instance exactly once.</summary>
public sealed class WorkApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_task_appears_in_its_roles_inbox_and_completes_once_the_second_completion_is_a_clear_404()
    {
        await Client.SaveAsync(ApiFlow.Task(), publish: true);
        var instanceId = await Client.ExecuteAsync("triage");

        var inbox = await (await Client.GetAsync("/api/tasks?role=agent")).ReadNodeAsync();
        var task = inbox["items"]!.AsArray().Single()!;
        task["instanceId"]!.GetValue<string>().Should().Be(instanceId);
        task["title"]!.GetValue<string>().Should().Be("Triage the incident");
        task["priority"]!.GetValue<int>().Should().Be(2);
        inbox["next"].Should().BeNull();
        var taskId = task["id"]!.GetValue<string>();

        var first = await Client.PostJsonAsync($"/elsa/api/tasks/{taskId}/complete", new JsonObject { ["result"] = "P2" });
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        var second = await Client.PostJsonAsync($"/elsa/api/tasks/{taskId}/complete", new JsonObject { ["result"] = "P1" });
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().Should().Contain("already resumed or is unknown");

        var instance = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}")).ReadNodeAsync();
        instance["subStatus"]!.GetValue<string>().Should().Be("Finished");
        (await (await Client.GetAsync("/api/tasks?role=agent")).ReadNodeAsync())["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_inbox_pages_with_a_cursor()
    {
        await Client.SaveAsync(ApiFlow.Task(), publish: true);
        for (var i = 0; i < 3; i++) await Client.ExecuteAsync("triage");

        var first = await (await Client.GetAsync("/api/tasks?pageSize=2")).ReadNodeAsync();
        var next = first["next"]!.GetValue<string>();
        var second = await (await Client.GetAsync($"/api/tasks?pageSize=2&after={next}")).ReadNodeAsync();

        first["items"]!.AsArray().Should().HaveCount(2);
        second["items"]!.AsArray().Should().ContainSingle();
        second["next"].Should().BeNull();
    }

    [Fact]
    public async Task An_event_reaches_only_the_instance_with_its_correlation_id()
    {
        await Client.SaveAsync(ApiFlow.WaitsFor("approved"), publish: true);
        var mine = await Client.ExecuteAsync("approval", new JsonObject { ["correlationId"] = "INC-1", ["versionOptions"] = "Published" });
        var other = await Client.ExecuteAsync("approval", new JsonObject { ["correlationId"] = "INC-2", ["versionOptions"] = "Published" });

        var response = await Client.PostJsonAsync("/elsa/api/events/approved/trigger", new JsonObject { ["correlationId"] = "INC-1", ["input"] = new JsonObject { ["by"] = "cab" } });

        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["instanceIds"].Strings().Should().Equal(mine);
        (await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{mine}")).ReadNodeAsync())["subStatus"]!.GetValue<string>().Should().Be("Finished");
        (await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{other}")).ReadNodeAsync())["subStatus"]!.GetValue<string>().Should().Be("Suspended");
    }

    [Fact]
    public async Task A_resume_token_resumes_once()
    {
        await Client.SaveAsync(ApiFlow.WaitsFor("callback"), publish: true);
        var instanceId = await Client.ExecuteAsync("approval");
        var instance = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}")).ReadNodeAsync();
        var token = instance["workflowState"]!["bookmarks"]![0]!["id"]!.GetValue<string>();

        var first = await Client.PostJsonAsync($"/elsa/api/bookmarks/resume?t={token}", new JsonObject { ["input"] = new JsonObject { ["ok"] = true } });
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        await (await Client.GetAsync($"/elsa/api/bookmarks/resume?t={token}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}")).ReadNodeAsync())["subStatus"]!.GetValue<string>().Should().Be("Finished");
    }

    [Fact]
    public async Task A_waiting_step_hands_its_resume_url_to_another_system_which_calls_back_with_its_reply()
    {
        // Wait for the vendor and, beside it, prepare the callback URL that would be sent to the vendor.
        var flow = new FlowBuilder("vendor-callback")
            .Variable("CallbackUrl", "String")
            .Variable("Reply", "Object")
            .Activity("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Obj("String[]", "[\"Wait\",\"Notify\"]")))
            .Activity("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("String", "vendor-reply")),
                ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Reply-id" } }))
            .Activity("notify", "Elsa.SetVariable", ("variable", FlowBuilder.VariableRef("CallbackUrl", "String")), ("value", FlowBuilder.Js("Object", "getResumeUrl('wait')")))
            .Connect("fork", "wait", "Wait").Connect("fork", "notify", "Notify");
        await Client.SaveAsync(flow, publish: true);
        var instanceId = await Client.ExecuteAsync("vendor-callback");
        var variables = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/variables")).ReadNodeAsync();
        var callback = variables["items"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "CallbackUrl")!["value"]!.GetValue<string>();
        callback.Should().StartWith("/elsa/api/bookmarks/resume?t=");

        var reply = await Client.PostJsonAsync(callback, new JsonObject { ["fixed"] = true, ["release"] = "4.2.1" });

        reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        var instance = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}")).ReadNodeAsync();
        instance["subStatus"]!.GetValue<string>().Should().Be("Finished");
        instance["workflowState"]!["variables"]!["Reply"]!["release"]!.GetValue<string>().Should().Be("4.2.1");
    }

    [Fact]
    public async Task Resume_without_a_token_names_the_parameter()
    {
        var problem = await (await Client.GetAsync("/elsa/api/bookmarks/resume")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["t"].Should().NotBeNull();
    }
}
