using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Itsm.Browser.Tests.Support;

/// <summary>
/// Itsm's Elsa API as a test sets up and checks what the browser did: signed with the host's API key, so it never
/// shares the browser's cookie. Every call fails the test on an unexpected status, with the answer's body.
/// </summary>
public sealed class StudioApi : IDisposable
{
    public const string Root = "/elsa/api";

    private readonly HttpClient _client;

    public StudioApi(StudioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", StudioHost.ApiKey);
    }

    /// <summary>Saves a definition as Studio does (<c>POST /workflow-definitions {model, publish}</c>) and returns the saved one.</summary>
    public async Task<JsonObject> SaveAsync(JsonObject model, bool publish)
    {
        var answer = await PostAsync("/workflow-definitions", new JsonObject { ["model"] = model.DeepClone(), ["publish"] = publish });
        return answer["workflowDefinition"]!.AsObject();
    }

    /// <summary>The latest version of a definition (draft or published), as Studio's editor reads it.</summary>
    public Task<JsonObject> LatestAsync(string definitionId)
        => GetAsync($"/workflow-definitions/by-definition-id/{Uri.EscapeDataString(definitionId)}?versionOptions=Latest");

    /// <summary>Every version of a definition, newest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> VersionsAsync(string definitionId)
    {
        var list = await GetAsync($"/workflow-definitions?versionOptions=AllVersions&DefinitionIds={Uri.EscapeDataString(definitionId)}&PageSize=50&OrderBy=Version&OrderDirection=Descending");
        return [.. list["items"]!.AsArray().Select(item => item!.AsObject())];
    }

    /// <summary>Runs the published version of a definition and returns the new instance's id.</summary>
    public async Task<string> ExecuteAsync(string definitionId)
    {
        using var response = await _client.PostAsJsonAsync($"{Root}/workflow-definitions/{Uri.EscapeDataString(definitionId)}/execute", new JsonObject());
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    public Task<JsonObject> InstanceAsync(string instanceId) => GetAsync($"/workflow-instances/{Uri.EscapeDataString(instanceId)}");

    /// <summary>Instances of one definition version (<c>workflowDefinitionVersionId</c> is the version's <c>id</c>).</summary>
    public async Task<IReadOnlyList<JsonObject>> InstancesAsync(string definitionId)
    {
        var list = await GetAsync($"/workflow-instances?DefinitionId={Uri.EscapeDataString(definitionId)}&PageSize=100");
        return [.. list["items"]!.AsArray().Select(item => item!.AsObject())];
    }

    /// <summary>Delivers a named event to the instances waiting on <c>Elsa.Event</c>; returns how many it reached.</summary>
    public async Task<int> TriggerEventAsync(string eventName, string? instanceId = null)
    {
        var answer = await PostAsync($"/events/{Uri.EscapeDataString(eventName)}/trigger", new JsonObject { ["workflowInstanceId"] = instanceId });
        return answer["instances"]!.AsArray().Count;
    }

    public async Task<JsonObject> GetAsync(string path)
    {
        using var response = await _client.GetAsync(Root + path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path} answers: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> PostAsync(string path, JsonNode body)
    {
        using var response = await _client.PostAsJsonAsync(Root + path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"POST {path} answers: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => _client.Dispose();
}
