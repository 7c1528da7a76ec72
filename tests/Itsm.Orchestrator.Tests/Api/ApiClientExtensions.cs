using Itsm.Activities.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Itsm.Orchestrator.Tests.Api;

/// <summary>The few HTTP steps API tests repeat: send JSON, read JSON, save a flow, run it, check a problem answer.</summary>
public static class ApiClientExtensions
{
    public const string Definitions = "/elsa/api/workflow-definitions";
    public const string Instances = "/elsa/api/workflow-instances";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode? body)
        => client.PostAsync(url, new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string? contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(url, content);
    }

    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"Empty JSON answer ({(int)response.StatusCode}).");
    }

    /// <summary>Saves through Studio's route and returns the answer's <c>workflowDefinition</c>.</summary>
    public static async Task<JsonObject> SaveAsync(this HttpClient client, FlowBuilder flow, bool publish)
    {
        var response = await client.PostJsonAsync(Definitions, new JsonObject { ["model"] = flow.ToModel(), ["publish"] = publish });
        var body = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body["workflowDefinition"]!.AsObject();
    }

    /// <summary>Runs the latest version through Studio's Run route; returns the instance id from the header Studio reads.</summary>
    public static async Task<string> ExecuteAsync(this HttpClient client, string definitionId, JsonObject? body = null)
    {
        var response = await client.PostJsonAsync($"{Definitions}/{definitionId}/execute", body ?? new JsonObject { ["versionOptions"] = "Latest" });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    public static async Task<long> InstanceCountAsync(this HttpClient client)
    {
        var list = await (await client.GetAsync(Instances)).ReadNodeAsync();
        return list["totalCount"]!.GetValue<long>();
    }

    /// <summary>Asserts an RFC 7807 answer with this status and returns its body.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        problem["title"].Should().NotBeNull();
        return problem;
    }

    public static IEnumerable<string> Strings(this JsonNode? node)
        => node?.AsArray().Select(item => item!.GetValue<string>()) ?? [];
}
