using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Requests on <c>/workflows/…</c>: a good one starts an instance; a bad one is a problem and starts nothing.</summary>
public sealed class WebhooksApiTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => await Client.SaveAsync(ApiFlow.Webhook("incidents"), publish: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_json_post_starts_the_workflow_and_answers_202_with_where_to_follow_it()
    {
        var response = await Client.PostJsonAsync("/workflows/incidents", new JsonObject { ["summary"] = "WiFi down" });

        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, body.ToJsonString());
        var instanceId = body["instanceId"]!.GetValue<string>();
        response.Headers.Location!.ToString().Should().Be($"/elsa/api/workflow-instances/{instanceId}");
        (await Client.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_starts_nothing()
    {
        var response = await Client.PostRawAsync("/workflows/incidents", "{\"summary\": ", "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem_and_starts_nothing()
    {
        var response = await Client.PostRawAsync("/workflows/incidents", "summary=WiFi+down", "application/x-www-form-urlencoded");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_starts_nothing()
    {
        var big = new StringBuilder("{\"text\":\"").Append('x', 262_144).Append("\"}").ToString();

        var response = await Client.PostRawAsync("/workflows/incidents", big, "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await Client.PostJsonAsync("/workflows/no-such-route", new JsonObject());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_method_the_endpoint_does_not_accept_is_a_405_problem()
    {
        var response = await Client.GetAsync("/workflows/incidents");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }
}
