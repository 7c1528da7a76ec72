using System.Net;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Operator commands answer 404/409 problems when they do not apply, and change nothing then.</summary>
public sealed class InstanceOperationsApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Retry_of_an_instance_that_is_not_faulted_is_a_409_problem()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        var instanceId = await Client.ExecuteAsync("counter");

        await (await Client.PostJsonAsync($"/api/instances/{instanceId}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_of_a_finished_instance_is_a_409_problem_and_of_a_waiting_one_cancels_it()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        await Client.SaveAsync(ApiFlow.Task(), publish: true);
        var finished = await Client.ExecuteAsync("counter");
        var waiting = await Client.ExecuteAsync("triage");

        await (await Client.PostJsonAsync($"/api/instances/{finished}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var cancel = await Client.PostJsonAsync($"/api/instances/{waiting}/cancel", null);
        cancel.StatusCode.Should().Be(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        var instance = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{waiting}")).ReadNodeAsync();
        instance["subStatus"]!.GetValue<string>().Should().Be("Cancelled");
    }

    [Fact]
    public async Task Commands_on_unknown_instances_are_404_problems()
    {
        await (await Client.PostJsonAsync("/api/instances/nope/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostJsonAsync("/api/instances/nope/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/instances/nope/faults")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"{ApiClientExtensions.Instances}/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Client.DeleteAsync($"{ApiClientExtensions.Instances}/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_faulted_instance_lists_its_fault_and_the_viewer_report_marks_the_node()
    {
        await Client.SaveAsync(ApiFlow.Faulting(), publish: true);
        var execute = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/broken/execute", null);
        var instanceId = execute.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var faults = await (await Client.GetAsync($"/api/instances/{instanceId}/faults")).ReadNodeAsync();
        faults["items"]!.AsArray().Should().ContainSingle().Which!["activityId"]!.GetValue<string>().Should().Be("fail");

        var report = await (await Client.PostJsonAsync("/elsa/api/activity-executions/report", new JsonObject
        {
            ["workflowInstanceId"] = instanceId,
            ["activityNodeIds"] = new JsonArray("Workflow1:root:start", "Workflow1:root:fail"),
        })).ReadNodeAsync();
        var stats = report["stats"]!.AsArray();
        stats.Single(s => s!["activityNodeId"]!.GetValue<string>() == "Workflow1:root:start")!["completedCount"]!.GetValue<long>().Should().Be(1);
        stats.Single(s => s!["activityNodeId"]!.GetValue<string>() == "Workflow1:root:fail")!["isFaulted"]!.GetValue<bool>().Should().BeTrue();

        var executions = await (await Client.GetAsync($"/elsa/api/activity-executions/list?WorkflowInstanceId={instanceId}&ActivityNodeId=Workflow1:root:start")).ReadNodeAsync();
        var executionId = executions["items"]![0]!["id"]!.GetValue<string>();
        (await Client.GetAsync($"/elsa/api/activity-executions/by-id?id={Uri.EscapeDataString(executionId)}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
