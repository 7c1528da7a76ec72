using System.Net;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Api;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>An HttpEndpoint's authorize and policy inputs are enforced; inputs Itsm does not honour are refused at publish.</summary>
public sealed class WebhookEndpointSecurityTests : IAsyncLifetime
{
    private const string Body = """{"title":"Printer jam"}""";
    private readonly WebhookHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Authorize_refuses_an_anonymous_caller_with_401_and_starts_nothing()
    {
        await _host.PublishAsync(WebhookHost.Hook("private", "private", ("authorize", Literal("Boolean", "true"))));

        var response = await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/private", Body));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Authorize_accepts_a_caller_with_an_api_key()
    {
        await _host.PublishAsync(WebhookHost.Hook("private", "private", ("authorize", Literal("Boolean", "true"))));

        var response = await _host.Client.SendAsync(WebhookHost.Post("/workflows/private", Body));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await _host.InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_policy_the_caller_does_not_satisfy_is_a_403_and_starts_nothing()
    {
        // An API key is a system: every role but admin.
        await _host.PublishAsync(WebhookHost.Hook("admins", "admins", ("policy", Literal("String", "Admin"))));

        var response = await _host.Client.SendAsync(WebhookHost.Post("/workflows/admins", Body));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_policy_refuses_an_anonymous_caller_with_401()
    {
        await _host.PublishAsync(WebhookHost.Hook("workers", "workers", ("policy", Literal("String", "Work"))));

        (await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/workers", Body))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _host.Client.SendAsync(WebhookHost.Post("/workflows/workers", Body))).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_waiting_endpoint_with_authorize_is_not_resumed_by_an_anonymous_caller()
    {
        var flow = new FlowBuilder("confirm", "Confirm")
            .Activity("start", "Elsa.Start")
            .Activity("wait", "Elsa.HttpEndpoint", ("path", Literal("String", "confirm")), ("supportedMethods", Obj("String[]", "[\"POST\"]")),
                ("authorize", Literal("Boolean", "true")))
            .Activity("end", "Elsa.End")
            .Chain("start", "wait", "end");
        await _host.PublishAsync(flow);
        var instanceId = await _host.Client.ExecuteAsync("confirm", new JsonObject());

        (await _host.Anonymous.SendAsync(WebhookHost.Post("/workflows/confirm", Body))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _host.Root.InstanceAsync(instanceId)).Record.Status.Should().Be(Itsm.Activities.Model.InstanceStatus.Suspended);

        (await _host.Client.SendAsync(WebhookHost.Post("/workflows/confirm", Body))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _host.Root.InstanceAsync(instanceId)).Record.Status.Should().Be(Itsm.Activities.Model.InstanceStatus.Finished);
    }

    [Theory]
    [InlineData("requestTimeout", "TimeSpan", "00:00:30")]
    [InlineData("requestSizeLimit", "Int64", "1024")]
    [InlineData("allowedMimeTypes", "String[]", "[\"image/png\"]")]
    [InlineData("exposeRequestTooLargeOutcome", "Boolean", "true")]
    public async Task An_http_endpoint_input_itsm_does_not_honour_is_refused_at_publish(string input, string type, string value)
    {
        var flow = WebhookHost.Hook("limits", "limits", (input, type.EndsWith("[]", StringComparison.Ordinal) ? Obj(type, value) : Literal(type, value)));

        var response = await _host.SaveAsync(flow.ToModel());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Should().ContainKey($"root.activities[0].{input}");
        (await _host.Client.GetAsync("/workflows/limits")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unset_elsa_inputs_from_an_export_are_accepted()
    {
        var flow = WebhookHost.Hook("export", "export",
            ("requestTimeout", null), ("allowedMimeTypes", Obj("String[]", "[]")), ("exposeRequestTooLargeOutcome", Literal("Boolean", "false")));

        (await _host.SaveAsync(flow.ToModel())).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_policy_is_refused_at_publish()
    {
        var response = await _host.SaveAsync(WebhookHost.Hook("typo", "typo", ("policy", Literal("String", "Admins"))).ToModel());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Should().ContainKey("root.activities[0].policy");
    }

    [Fact]
    public async Task A_trigger_path_given_as_a_script_is_refused_at_publish()
    {
        var flow = new FlowBuilder("scripted", "Scripted")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Js("String", "return 'x';")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Trigger("hook");

        var response = await _host.SaveAsync(flow.ToModel());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Should().ContainKey("root.activities[0].path");
    }
}
