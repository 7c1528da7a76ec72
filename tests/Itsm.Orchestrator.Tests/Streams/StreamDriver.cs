using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Itsm.Orchestrator.Tests.Api;
using Itsm.Orchestrator.Tests.Support;

namespace Itsm.Orchestrator.Tests.Streams;

/// <summary>
/// Drives a shipped stream through the HTTP API as its people would: the inbox of a role, task completion, the
/// survey answer route, the record lists and the journal. The host seeds the repository's <c>workflows/</c> and the demo estate.
/// </summary>
public sealed partial class StreamDriver : IAsyncDisposable
{
    public StreamDriver()
    {
        App = new ItsmAppFactory();
        App.Settings["Itsm:Records:SeedDemoEstate"] = "true";
        Client = App.CreateClient();
    }

    public ItsmAppFactory App { get; }

    /// <summary>Signed in with the admin API key: it may read every inbox and complete any task.</summary>
    public HttpClient Client { get; }

    public async Task<string> StartByWebhookAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync($"/workflows/{path}", body);
        var node = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, node.ToJsonString());
        return node["instanceId"]!.GetValue<string>();
    }

    public async Task<string> StartByApiAsync(string definitionId, JsonObject? input = null, string? correlationId = null)
        => await Client.ExecuteAsync(definitionId, new JsonObject
        {
            ["versionOptions"] = "Latest", ["input"] = input ?? new JsonObject(), ["correlationId"] = correlationId,
        });

    /// <summary>Publishes an event the way an outside system does (the events API); returns the instances it reached.</summary>
    public async Task<List<string>> PublishEventAsync(string eventName, string? correlationId, JsonObject input)
    {
        var response = await Client.PostJsonAsync($"/elsa/api/events/{eventName}/trigger", new JsonObject { ["correlationId"] = correlationId, ["input"] = input });
        var node = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, node.ToJsonString());
        return node["instances"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()).ToList();
    }

    /// <summary>The single open task of the instance in the role's inbox; fails when the role has none or several.</summary>
    public async Task<JsonNode> TaskForAsync(string instanceId, string role)
    {
        var page = await GetAsync($"/api/tasks?role={Uri.EscapeDataString(role)}&instanceId={instanceId}");
        var items = page["items"]!.AsArray();
        items.Should().ContainSingle($"one task for '{role}' is expected (open: {await OpenTasksAsync(instanceId)})");
        return items[0]!;
    }

    /// <summary>Completes the role's task, picking <paramref name="outcome"/>; returns the task's activity id.</summary>
    public async Task<string> CompleteAsync(string instanceId, string role, string outcome = "Done", string comment = "done")
    {
        var task = await TaskForAsync(instanceId, role);
        var response = await Client.PostJsonAsync($"/elsa/api/tasks/{task["id"]!.GetValue<string>()}/complete",
            new JsonObject { ["result"] = new JsonObject { ["outcome"] = outcome, ["comment"] = comment } });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return task["activityId"]!.GetValue<string>();
    }

    public async Task<string> OpenTasksAsync(string instanceId)
    {
        var page = await GetAsync($"/api/tasks?instanceId={instanceId}");
        return string.Join(", ", page["items"]!.AsArray().Select(t => $"{t!["activityId"]}:{t["role"]}"));
    }

    /// <summary>Answers the survey the way its recipient does: with the token from the invitation the instance sent.</summary>
    public async Task AnswerSurveyAsync(string instanceId, int score, string comment)
    {
        var invitation = (await RecordsAsync("notifications", instanceId))
            .Single(n => n["data"]!["links"]?.AsArray().Any(l => l!["type"]!.GetValue<string>() == "survey") == true);
        var token = TokenPattern().Match(invitation["data"]!["body"]!.GetValue<string>()).Groups[1].Value;
        token.Should().NotBeEmpty();
        var response = await Client.PostAsJsonAsync("/api/surveys/answer", new { token, score, comment });
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> StatusAsync(string instanceId)
        => (await GetAsync($"{ApiClientExtensions.Instances}/{instanceId}"))["workflowState"]!["status"]!.GetValue<string>();

    public async Task ShouldBeFinishedAsync(string instanceId)
    {
        var instance = await App.InstanceAsync(instanceId);
        instance.State.Status.Should().Be(Itsm.Activities.Model.InstanceStatus.Finished,
            $"open tasks: {await OpenTasksAsync(instanceId)}; fault: {instance.State.Fault?.Message}");
    }

    /// <summary>The records of a kind (API route name) written by the instance.</summary>
    public async Task<List<JsonNode>> RecordsAsync(string kind, string instanceId)
        => (await GetAsync($"/api/{kind}?instanceId={instanceId}&pageSize=200"))["items"]!.AsArray().Select(n => n!).ToList();

    /// <summary>A record with its links, links to it and history (by number or id).</summary>
    public Task<JsonNode> RecordAsync(string kind, string key) => GetAsync($"/api/{kind}/{Uri.EscapeDataString(key)}");

    /// <summary>The journal's completed steps, oldest first: (activity id, outcome, tags).</summary>
    public async Task<List<JournalStep>> PathAsync(string instanceId)
    {
        var journal = await GetAsync($"{ApiClientExtensions.Instances}/{instanceId}/journal?take=1000");
        return journal["items"]!.AsArray()
            .Where(row => row!["eventName"]!.GetValue<string>() == "Completed")
            .Select(row => new JournalStep(row!["activityId"]!.GetValue<string>(),
                row["payload"]?["outcomes"]?[0]?.GetValue<string>(),
                row["payload"]?["tags"]?["valueChain"].Strings().ToList() ?? [],
                row["payload"]?["tags"]?["practices"].Strings().ToList() ?? [],
                row["payload"]?["tags"]?["roles"].Strings().ToList() ?? []))
            .ToList();
    }

    /// <summary>Asserts every journal step carries exactly the tags of its appendix row.</summary>
    public static void TagsShouldMatchRows(IEnumerable<JournalStep> path, string stream, IReadOnlyDictionary<string, int> rowOfNode)
    {
        foreach (var step in path)
        {
            rowOfNode.Should().ContainKey(step.ActivityId, "every node of an appendix stream comes from a row");
            var row = AppendixRows.Of(stream, rowOfNode[step.ActivityId]);
            step.Chain.Should().Equal(row.Chain, $"{step.ActivityId} is row {row.Step}");
            step.Practices.Should().Equal(row.Practices, $"{step.ActivityId} is row {row.Step}");
            step.Roles.Should().Equal(row.Roles, $"{step.ActivityId} is row {row.Step}");
        }
    }

    public async Task<JsonNode> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var node = await response.ReadNodeAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url}: {node.ToJsonString()}");
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    [GeneratedRegex("token: ([A-Za-z0-9_-]+)")]
    private static partial Regex TokenPattern();
}

public sealed record JournalStep(string ActivityId, string? Outcome, IReadOnlyList<string> Chain, IReadOnlyList<string> Practices, IReadOnlyList<string> Roles);
