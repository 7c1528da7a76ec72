using System.Net;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>The surface as a whole: its description is served, and bad input is a 400 problem, never a 500.</summary>
public sealed class ApiSurfaceTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_openapi_document_and_scalar_are_served()
    {
        var document = await Client.GetAsync("/openapi/v1.json");
        var text = await document.Content.ReadAsStringAsync();
        document.StatusCode.Should().Be(HttpStatusCode.OK, text);
        text.Should().Contain("/elsa/api/workflow-definitions").And.Contain("/workflows/");

        (await Client.GetAsync("/scalar")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Malformed_json_on_a_typed_route_is_a_400_problem()
    {
        var response = await Client.PostRawAsync(ApiClientExtensions.Definitions, "{\"model\": {", "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_status_in_the_instance_filter_is_a_400_problem()
    {
        var response = await Client.PostJsonAsync(ApiClientExtensions.Instances, new JsonObject { ["status"] = "Sleeping" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_page_size_out_of_range_names_the_field()
    {
        var problem = await (await Client.GetAsync($"{ApiClientExtensions.Instances}?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["pageSize"].Should().NotBeNull();
    }

    [Fact]
    public async Task Elsa_status_filters_map_onto_itsm_statuses()
    {
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
        await Client.SaveAsync(ApiFlow.Task(), publish: true);
        await Client.ExecuteAsync("counter");
        var waiting = await Client.ExecuteAsync("triage");

        var running = await (await Client.PostJsonAsync(ApiClientExtensions.Instances, new JsonObject { ["status"] = "Running" })).ReadNodeAsync();
        var suspended = await (await Client.GetAsync($"{ApiClientExtensions.Instances}?subStatus=Suspended")).ReadNodeAsync();
        var both = await (await Client.PostJsonAsync(ApiClientExtensions.Instances,
            new JsonObject { ["definitionIds"] = new JsonArray("counter", "triage"), ["pageSize"] = 1, ["page"] = 1, ["orderDirection"] = "Ascending" })).ReadNodeAsync();

        running["items"]!.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<string>().Should().Be(waiting);
        suspended["totalCount"]!.GetValue<long>().Should().Be(1);
        both["totalCount"]!.GetValue<long>().Should().Be(2);
        both["items"]!.AsArray().Should().ContainSingle();
    }
}
