using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Api;

public sealed class DeepValueReadTests
{
    [Fact]
    public async Task Instance_holding_a_value_as_deep_as_the_engine_allows_is_readable_through_the_api()
    {
        await using var app = new ItsmAppFactory();
        await app.PublishAsync(new FlowBuilder("deep-intake")
            .Variable("Alert", "Object")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "deep")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("keep", "Elsa.SetVariable", ("variable", VariableRef("Alert")), ("value", Js("Object", "input")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "never")))
            .Chain("hook", "keep", "wait").Trigger("hook").ToJson());
        var body = new StringBuilder();
        for (var i = 0; i < 60; i++) body.Append("{\"a\":");
        body.Append('1').Append('}', 60);

        using var client = app.CreateClient();
        var started = await client.PostAsync("/workflows/deep", new StringContent(body.ToString(), Encoding.UTF8, "application/json"));
        started.StatusCode.Should().Be(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();

        var read = await client.GetAsync($"/elsa/api/workflow-instances/{instanceId}");
        read.StatusCode.Should().Be(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
    }
}
