using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>Bad input on the API and webhooks is a 400 problem naming the field at fault, never a 500, and writes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly ApiTestHost _host = new();
    private HttpClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        await Client.SaveAsync(ApiFlow.Webhook("incidents"), publish: true);
        await Client.SaveAsync(ApiFlow.Counter(), publish: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostBytesAsync(string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Client.PostAsync(url, content);
    }

    [Theory]
    [InlineData("""{"summary": 1e999}""", "$.summary")]
    [InlineData("""{"count": -1e400}""", "$.count")]
    [InlineData("""{"summary": "\ud800"}""", "$.summary")]
    [InlineData("""{"tags": ["ok", "\udc00"]}""", "$.tags[1]")]
    [InlineData("""{"summary": "a", "summary": "b"}""", "$")]
    public async Task A_webhook_body_holding_a_value_that_cannot_be_kept_is_a_400_naming_it(string body, string field)
    {
        var response = await Client.PostRawAsync("/workflows/incidents", body, "application/json");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(key => key.StartsWith(field, StringComparison.Ordinal));
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_400_digit_integer_is_a_400()
    {
        var response = await Client.PostRawAsync("/workflows/incidents", "{\"n\": " + new string('7', 400) + "}", "application/json");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("$.n");
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var response = await PostBytesAsync("/workflows/incidents", [.. "{\"summary\": \""u8, 0xC3, 0x28, .. "\"}"u8]);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Deep_nesting_is_a_400()
    {
        var response = await Client.PostRawAsync("/workflows/incidents", new string('[', 500) + new string(']', 500), "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_correlation_id_over_256_characters_is_a_400_on_webhooks_and_the_api()
    {
        var id = new string('c', 257);

        var webhook = await Client.PostRawAsync($"/workflows/incidents?correlationId={id}", "{}", "application/json");
        var execute = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/counter/execute", new JsonObject { ["correlationId"] = id });
        var trigger = await Client.PostJsonAsync("/elsa/api/events/anything/trigger", new JsonObject { ["correlationId"] = id });

        foreach (var response in new[] { webhook, execute, trigger })
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("correlationId");
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Importing_an_empty_object_is_a_400_naming_root_and_saves_nothing()
    {
        var response = await Client.PostJsonAsync($"{ApiClientExtensions.Definitions}/import", new JsonObject());

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("root");
        var list = await (await Client.GetAsync(ApiClientExtensions.Definitions)).ReadNodeAsync();
        list["totalCount"]!.GetValue<long>().Should().Be(2);
    }

    [Theory]
    [InlineData("/elsa/api/workflow-instances?page=2147483647&pageSize=2147483647", "pageSize")]
    [InlineData("/elsa/api/workflow-instances?page=2147483647&pageSize=1000", "page")]
    [InlineData("/elsa/api/workflow-instances?page=-1", "page")]
    [InlineData("/elsa/api/workflow-instances?pageSize=-5", "pageSize")]
    [InlineData("/elsa/api/workflow-definitions?page=2147483647&pageSize=1000", "page")]
    [InlineData("/elsa/api/workflow-definitions?page=-2147483648", "page")]
    [InlineData("/elsa/api/workflow-instances/x/journal?skip=2147483647&take=100", "skip")]
    [InlineData("/elsa/api/workflow-instances/x/journal?skip=-1", "skip")]
    [InlineData("/elsa/api/workflow-instances/x/journal?page=2147483647&pageSize=100", "page")]
    [InlineData("/elsa/api/workflow-instances?page=99999999999", "page")]
    public async Task Paging_that_overflows_or_is_negative_is_a_400_naming_the_parameter(string url, string field)
    {
        var response = await Client.GetAsync(url);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(key => key.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Paging_overflow_in_a_list_body_is_a_400()
    {
        var response = await Client.PostJsonAsync(ApiClientExtensions.Instances, new JsonObject { ["page"] = int.MaxValue, ["pageSize"] = 1000 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("page");
    }

    [Fact]
    public async Task A_body_field_of_the_wrong_type_is_a_400_naming_it()
    {
        var response = await Client.PostRawAsync(ApiClientExtensions.Instances, """{"pageSize": "ten"}""", "application/json");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(key => key.Contains("pageSize", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_lone_surrogate_in_an_event_payload_is_a_400_naming_it()
    {
        var response = await Client.PostRawAsync("/elsa/api/events/anything/trigger", """{"input": {"note": "\ud800"}}""", "application/json");

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Should().ContainKey("$.input.note");
    }

    [Fact]
    public async Task A_text_body_on_execute_is_a_415_and_runs_nothing()
    {
        var response = await Client.PostRawAsync($"{ApiClientExtensions.Definitions}/counter/execute", "run it", "text/plain");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await Client.InstanceCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_api_body_over_the_limit_is_a_413()
    {
        var big = new StringBuilder("{\"model\":{\"name\":\"").Append('x', 5 * 1024 * 1024).Append("\"}}").ToString();

        var response = await Client.PostRawAsync(ApiClientExtensions.Definitions, big, "application/json");

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
