using System.Net;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Api;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>A webhook route and method belong to one published definition.</summary>
public sealed class WebhookRouteOwnershipTests : IAsyncLifetime
{
    private readonly WebhookHost _host = new();

    public async Task InitializeAsync() => await _host.PublishAsync(WebhookHost.Hook("owner", "incidents"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FlowBuilder On(string definitionId, string path, string methods) => new FlowBuilder(definitionId, definitionId)
        .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", path)), ("supportedMethods", Obj("String[]", methods)))
        .Trigger("hook");

    [Theory]
    [InlineData("incidents", "[\"POST\"]")]
    [InlineData("/Incidents/", "[\"GET\", \"post\"]")]
    public async Task Publishing_another_definition_on_an_owned_route_is_a_409_naming_the_owner(string path, string methods)
    {
        var response = await _host.SaveAsync(On("intruder", path, methods).ToModel());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().Should().Contain("'owner'");
        var published = await _host.Client.GetAsync($"{ApiClientExtensions.Definitions}/by-definition-id/intruder?versionOptions=Published");
        published.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_through_the_publish_route_is_refused_the_same_way()
    {
        (await _host.SaveAsync(On("intruder", "incidents", "[\"POST\"]").ToModel(), publish: false)).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _host.Client.PostAsync($"{ApiClientExtensions.Definitions}/intruder/publish", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_method_on_the_same_path_is_free()
    {
        var response = await _host.SaveAsync(On("reader", "incidents", "[\"GET\"]").ToModel());

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_version_of_the_owner_keeps_its_route()
    {
        var response = await _host.SaveAsync(WebhookHost.Hook("owner", "incidents").ToModel());

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retracting_the_owner_frees_the_route()
    {
        (await _host.Client.PostAsync($"{ApiClientExtensions.Definitions}/owner/retract", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _host.SaveAsync(On("successor", "incidents", "[\"POST\"]").ToModel());

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
