using System.Net;
using System.Text.Json.Nodes;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Webhooks;

/// <summary>A webhook start is checked against the definition's declared inputs: a 400 naming the field, nothing started.</summary>
public sealed class WebhookInputValidationTests : IAsyncLifetime
{
    private readonly WebhookHost _host = new();

    public async Task InitializeAsync()
    {
        var model = WebhookHost.Hook("typed", "typed").ToModel();
        model["inputs"] = new JsonArray
        {
            new JsonObject { ["name"] = "title", ["type"] = "String", ["isRequired"] = true },
            new JsonObject { ["name"] = "impact", ["type"] = "Int32" },
            new JsonObject { ["name"] = "detectedAt", ["type"] = "DateTimeOffset" },
            new JsonObject { ["name"] = "services", ["type"] = "String", ["isArray"] = true },
            new JsonObject { ["name"] = "context", ["type"] = "Object" },
        };
        (await _host.SaveAsync(model)).StatusCode.Should().Be(HttpStatusCode.OK);
        await _host.PublishAsync(WebhookHost.Hook("untyped", "untyped"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string route, string body)
        => await _host.Anonymous.SendAsync(WebhookHost.Post($"/workflows/{route}", body));

    [Fact]
    public async Task A_body_with_the_declared_inputs_starts_the_workflow()
    {
        var response = await PostAsync("typed", """{"title":"VPN down","impact":2,"detectedAt":"2026-11-23T08:59:00Z","services":["vpn"],"context":{"site":"B"},"extra":true}""");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"impact":2}""", "title")]
    [InlineData("""{"title":null}""", "title")]
    [InlineData("""{"title":7}""", "title")]
    [InlineData("""{"title":"x","impact":"high"}""", "impact")]
    [InlineData("""{"title":"x","impact":2.5}""", "impact")]
    [InlineData("""{"title":"x","impact":3000000000}""", "impact")]
    [InlineData("""{"title":"x","detectedAt":"yesterday"}""", "detectedAt")]
    [InlineData("""{"title":"x","services":"vpn"}""", "services")]
    [InlineData("""{"title":"x","services":[1]}""", "services")]
    [InlineData("""["title"]""", "$")]
    public async Task A_body_that_does_not_fit_the_inputs_is_a_400_naming_the_field_and_starts_nothing(string body, string field)
    {
        var response = await PostAsync("typed", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Should().ContainKey(field);
        (await _host.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_empty_body_is_refused_when_an_input_is_required()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/typed");

        var response = await _host.Anonymous.SendAsync(request);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("title");
    }

    [Fact]
    public async Task A_definition_without_declared_inputs_takes_any_json()
    {
        (await PostAsync("untyped", """[1, "two", {"three": 3}]""")).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }
}

/// <summary>The seeded incident intake declares its inputs: a report without a title is refused.</summary>
public sealed class IncidentIntakeInputsTests : IAsyncLifetime
{
    private readonly ItsmAppFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = null;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_report_without_a_title_is_a_400_naming_title()
    {
        var response = await _client.PostJsonAsync("/workflows/incidents", new JsonObject { ["priority"] = "P2" });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("title");
    }

    [Fact]
    public async Task A_report_with_a_title_starts_the_intake()
    {
        var response = await _client.PostJsonAsync("/workflows/incidents", new JsonObject { ["title"] = "Warehouse WiFi down", ["priority"] = "P2" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }
}
