using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Records;

/// <summary>
/// A real orchestrator process killed with SIGKILL while webhooks log incidents, then restarted on the same data:
/// every incident record belongs to a committed instance and every committed instance has exactly one incident, with
/// numbers that never repeat — the record and the step that wrote it share one transaction.
/// </summary>
public sealed class RecordCrashTests : IAsyncLifetime
{
    // At least 32 characters: the child host runs as Production, which refuses shorter keys at start-up.
    private const string ApiKey = "record-crash-api-key-0123456789abcdef";
    private const int Requests = 300;
    private const int CrashAfterAcknowledged = 80;
    private readonly string _root = Directory.CreateTempSubdirectory("itsm-record-crash-").FullName;
    private string DataPath => Path.Combine(_root, "data");
    private string WorkflowsPath => Path.Combine(_root, "workflows");
    private static string Orchestrator => Path.Combine(AppContext.BaseDirectory, "Itsm.Orchestrator.dll");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkflowsPath);
        var flow = new FlowBuilder("crash-incidents")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "crash/wifi")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("log", "Itsm.LogIncident", ("title", Js("String", "input.title")), ("requester", Js("String", "input.reporter")),
                ("impact", Literal("String", "High")), ("urgency", Literal("String", "Medium")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "user-confirmed")))
            .Chain("hook", "log", "wait").Trigger("hook");
        await File.WriteAllTextAsync(Path.Combine(WorkflowsPath, "crash-incidents.json"), flow.ToJson());
    }

    public Task DisposeAsync()
    {
        TestDatabase.Release(DataPath);
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Killed_while_logging_incidents_the_node_leaves_no_record_without_its_instance_nor_an_instance_without_its_record()
    {
        ConcurrentDictionary<int, string> acknowledged;
        await using (var node = await OrchestratorProcess.StartAsync(Orchestrator, DataPath, WorkflowsPath, ApiKey, default, TestDatabase.ProcessEnvironment(DataPath)))
            acknowledged = await CrashMidLoad.StartUntilCrashAsync(node, Requests, CrashAfterAcknowledged, concurrency: 24,
                (client, i) => client.PostAsJsonAsync($"workflows/crash/wifi?correlationId=ap-{i}", new { title = $"Access point {i} down", reporter = "warehouse manager" }));
        acknowledged.Count.Should().BeGreaterThanOrEqualTo(CrashAfterAcknowledged).And.BeLessThan(Requests);

        await using var restarted = await OrchestratorProcess.StartAsync(Orchestrator, DataPath, WorkflowsPath, ApiKey, default, TestDatabase.ProcessEnvironment(DataPath));
        using var api = new HttpClient { BaseAddress = restarted.BaseUri };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);

        var instances = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; ; page++)
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"elsa/api/workflow-instances?definitionId=crash-incidents&page={page}&pageSize=100");
            var ids = list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();
            instances.UnionWith(ids);
            if (ids.Count < 100) break;
        }
        instances.Should().Contain(acknowledged.Values, "every acknowledged start was committed");

        var incidents = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>("api/incidents?pageSize=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            incidents.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.Clone()));
            cursor = page.TryGetProperty("next", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        var byInstance = incidents.GroupBy(incident => incident.GetProperty("instanceId").GetString()!).ToDictionary(group => group.Key, group => group.Count());
        byInstance.Keys.Should().BeEquivalentTo(instances, "an incident exists exactly for the instances whose start committed");
        byInstance.Values.Should().OnlyContain(count => count == 1, "a start logs one incident");
        incidents.Select(incident => incident.GetProperty("number").GetString()).Should().OnlyHaveUniqueItems();
        incidents.Should().OnlyContain(incident => incident.GetProperty("version").GetInt64() == 1 && incident.GetProperty("priority").GetString() == "P2");

        var (first, firstId) = acknowledged.OrderBy(pair => pair.Key).First();
        var trigger = await api.PostAsJsonAsync("elsa/api/events/user-confirmed/trigger", new { correlationId = $"ap-{first}" });
        trigger.StatusCode.Should().Be(HttpStatusCode.OK);
        var resumed = await api.GetFromJsonAsync<JsonElement>($"elsa/api/workflow-instances/{firstId}");
        resumed.GetProperty("status").GetString().Should().Be("Finished");
    }
}
