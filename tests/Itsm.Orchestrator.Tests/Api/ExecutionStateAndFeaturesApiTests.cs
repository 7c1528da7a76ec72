using System.Net;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>What Studio's instance viewer polls, and how features Itsm lacks are answered.</summary>
public sealed class ExecutionStateAndFeaturesApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execution_state_follows_an_instance_from_waiting_to_finished()
    {
        await Client.SaveAsync(ApiFlow.Task(), publish: true);
        var instanceId = await Client.ExecuteAsync("triage");

        var waiting = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/execution-state")).ReadNodeAsync();
        _host.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var taskId = (await (await Client.GetAsync("/api/tasks?role=agent")).ReadNodeAsync())["items"]![0]!["id"]!.GetValue<string>();
        (await Client.PostJsonAsync($"/elsa/api/tasks/{taskId}/complete", new JsonObject { ["result"] = "done" })).EnsureSuccessStatusCode();
        var finished = await (await Client.GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/execution-state")).ReadNodeAsync();

        waiting.AsObject().Select(pair => pair.Key).Should().Equal("status", "subStatus", "updatedAt");
        waiting["status"]!.GetValue<string>().Should().Be("Running");
        waiting["subStatus"]!.GetValue<string>().Should().Be("Suspended");
        finished["status"]!.GetValue<string>().Should().Be("Finished");
        finished["subStatus"]!.GetValue<string>().Should().Be("Finished");
        finished["updatedAt"]!.GetValue<DateTimeOffset>().Should().Be(waiting["updatedAt"]!.GetValue<DateTimeOffset>().AddMinutes(5));
    }

    [Fact]
    public async Task Execution_state_of_an_unknown_instance_is_a_404_problem()
    {
        var response = await Client.GetAsync($"{ApiClientExtensions.Instances}/no-such-instance/execution-state");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().Should().Contain("no-such-instance");
    }

    [Theory]
    [InlineData("Elsa.Resilience")]
    [InlineData("Elsa.RealTimeWorkflowUpdates")]
    [InlineData("Elsa.Secrets.ShellFeatures.Secrets")]
    public async Task A_feature_itsm_lacks_is_not_installed_a_404_studio_reads_as_off(string feature)
    {
        var response = await Client.GetAsync($"/elsa/api/features/installed/{feature}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().Should().Contain(feature);
        var list = await (await Client.GetAsync("/elsa/api/features/installed")).ReadNodeAsync();
        list["items"]!.AsArray().Should().BeEmpty();
    }
}
