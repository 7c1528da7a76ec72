using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Persistence;

/// <summary>
/// A real orchestrator process killed with SIGKILL in the middle of a webhook load, then restarted on the same
/// data: every start it acknowledged (202 after commit) is there exactly once, none is there twice, and a
/// waiting one still resumes.
/// </summary>
public sealed class CrashSafetyTests : IAsyncLifetime
{
    // At least 32 characters: the child host runs as Production, which refuses shorter keys at start-up.
    private const string ApiKey = "crash-test-api-key-0123456789abcdefgh";
    private const int Requests = 400;
    private const int CrashAfterAcknowledged = 120;
    private readonly string _root = Directory.CreateTempSubdirectory("itsm-crash-").FullName;
    private string DataPath => Path.Combine(_root, "data");
    private string WorkflowsPath => Path.Combine(_root, "workflows");
    private static string Orchestrator => Path.Combine(AppContext.BaseDirectory, "Itsm.Orchestrator.dll");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkflowsPath);
        var flow = new FlowBuilder("crash-intake")
            .Variable("Alert", "Object")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "crash/incidents")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("log", "Elsa.SetVariable", ("variable", VariableRef("Alert")), ("value", Js("Object", "input")))
            .Activity("wait", "Elsa.Event", ("eventName", Literal("String", "resolved")))
            .Chain("hook", "log", "wait").Trigger("hook");
        await File.WriteAllTextAsync(Path.Combine(WorkflowsPath, "crash-intake.json"), flow.ToJson());
    }

    public Task DisposeAsync()
    {
        TestDatabase.Release(DataPath);
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Killed_mid_load_the_node_loses_no_acknowledged_start_and_duplicates_none()
    {
        ConcurrentDictionary<int, string> acknowledged;
        await using (var node = await OrchestratorProcess.StartAsync(Orchestrator, DataPath, WorkflowsPath, ApiKey, default, TestDatabase.ProcessEnvironment(DataPath)))
            acknowledged = await CrashMidLoad.StartUntilCrashAsync(node, Requests, CrashAfterAcknowledged, concurrency: 32,
                (client, i) => client.PostAsJsonAsync($"workflows/crash/incidents?correlationId=alert-{i}", new { alertId = i, title = "AP down" }));
        acknowledged.Count.Should().BeGreaterThanOrEqualTo(CrashAfterAcknowledged)
            .And.BeLessThan(Requests, "the node died before it could answer every request");

        await using var restarted = await OrchestratorProcess.StartAsync(Orchestrator, DataPath, WorkflowsPath, ApiKey, default, TestDatabase.ProcessEnvironment(DataPath));
        using var api = new HttpClient { BaseAddress = restarted.BaseUri };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);

        for (var i = 0; i < Requests; i++)
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"elsa/api/workflow-instances?correlationId=alert-{i}&pageSize=10");
            var ids = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()).ToList();
            ids.Count.Should().BeLessThanOrEqualTo(1, $"request {i} must not have started two instances");
            if (acknowledged.TryGetValue(i, out var instanceId))
                ids.Should().Equal([instanceId], $"request {i} was acknowledged, so its instance was committed");
        }

        var (first, firstId) = acknowledged.OrderBy(pair => pair.Key).First();
        var trigger = await api.PostAsJsonAsync("elsa/api/events/resolved/trigger", new { correlationId = $"alert-{first}" });
        trigger.StatusCode.Should().Be(HttpStatusCode.OK);
        var resumed = await api.GetFromJsonAsync<JsonElement>($"elsa/api/workflow-instances/{firstId}");
        resumed.GetProperty("status").GetString().Should().Be("Finished");
    }
}
