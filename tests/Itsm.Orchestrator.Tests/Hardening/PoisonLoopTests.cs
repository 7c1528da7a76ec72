using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.Hardening;

/// <summary>
/// A step that kills the host, after a Delay: the timer re-fires at every start-up and took the host down within a
/// second, every time. Now each unattended run is counted before it starts; after the limit the instance is
/// quarantined as Faulted, the host keeps serving, and an administrator cancels it.
/// </summary>
public sealed class PoisonLoopTests : IAsyncLifetime
{
    private const string ApiKey = "poison-loop-test-api-key-0123456789abcdef";
    private readonly string _root = Directory.CreateTempSubdirectory("itsm-poison-").FullName;
    private string DataPath => Path.Combine(_root, "data");
    private string WorkflowsPath => Path.Combine(_root, "workflows");
    private static string Orchestrator => Path.Combine(AppContext.BaseDirectory, "Itsm.Orchestrator.dll");

    private static readonly Dictionary<string, string> WithCrashPlugin = new()
    {
        ["Itsm__Activities__Assemblies__0"] = Path.Combine(AppContext.BaseDirectory, "Itsm.CrashPlugin.dll"),
        ["Itsm__Timers__ScanInterval"] = "00:00:01",
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkflowsPath);
        var flow = new FlowBuilder("poisoned-stream")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "poison/start")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:00:01")))
            .Activity("crash", "Test.CrashHost")
            .Chain("hook", "pause", "crash").Trigger("hook");
        await File.WriteAllTextAsync(Path.Combine(WorkflowsPath, "poisoned-stream.json"), flow.ToJson());
    }

    public Task DisposeAsync()
    {
        TestDatabase.Release(DataPath);
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Instance_that_kills_the_host_at_every_start_is_quarantined_and_the_host_keeps_serving()
    {
        string instanceId;
        await using (var first = await OrchestratorProcess.StartAsync(Orchestrator, DataPath, WorkflowsPath, ApiKey, default, TestDatabase.ProcessEnvironment(DataPath, WithCrashPlugin)))
        {
            using var client = new HttpClient { BaseAddress = first.BaseUri };
            var started = await client.PostAsJsonAsync("workflows/poison/start", new { reason = "test" });
            started.StatusCode.Should().Be(HttpStatusCode.Accepted);
            instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
            (await first.ExitsWithinAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("the step after the delay kills the host");
        }

        // Each restart fires the overdue timer again; the ones within the limit still die with their run. A node is the
        // survivor once the instance reads as quarantined through it (not after a fixed time: CI machines are slow).
        var crashes = 1;
        OrchestratorProcess? survivor = null;
        for (var restart = 0; restart < 6 && survivor is null; restart++)
        {
            OrchestratorProcess node;
            try
            {
                node = await OrchestratorProcess.StartAsync(Orchestrator, DataPath, WorkflowsPath, ApiKey, default, TestDatabase.ProcessEnvironment(DataPath, WithCrashPlugin));
            }
            catch (InvalidOperationException)
            {
                crashes++; // died before it reported healthy
                continue;
            }
            if (await QuarantinedOrCrashedAsync(node, instanceId))
            {
                survivor = node;
                continue;
            }
            crashes++;
            await node.DisposeAsync();
        }

        survivor.Should().NotBeNull("after the limit of unfinished runs the instance is quarantined instead of run");
        // The assertion above throws when there is no survivor: from here on it is known to be set.
        await using (var host = survivor!)
        {
            crashes.Should().Be(3, "the default limit lets three unattended runs start before the quarantine");
            using var admin = new HttpClient { BaseAddress = host.BaseUri };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
            (await host.ExitsWithinAsync(TimeSpan.FromSeconds(2))).Should().BeFalse("the quarantined instance no longer runs");
            var faults = await admin.GetFromJsonAsync<JsonObject>($"api/instances/{instanceId}/faults");
            faults!["items"]!.AsArray().Should().ContainSingle().Which!["message"]!.GetValue<string>().Should().Contain("Quarantined");
            (await admin.GetAsync("health")).StatusCode.Should().Be(HttpStatusCode.OK);

            (await admin.PostAsync($"api/instances/{instanceId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            var instance = await admin.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-instances/{instanceId}");
            instance!["status"]!.GetValue<string>().Should().Be("Finished");
            instance["subStatus"]!.GetValue<string>().Should().Be("Cancelled");
        }
    }

    /// <summary>True once the instance reads as Faulted through the node; false when the node died first.</summary>
    private static async Task<bool> QuarantinedOrCrashedAsync(OrchestratorProcess node, string instanceId)
    {
        using var client = new HttpClient { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await node.ExitsWithinAsync(TimeSpan.FromMilliseconds(250))) return false;
            try
            {
                var instance = await client.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-instances/{instanceId}");
                if (instance?["subStatus"]?.GetValue<string>() == "Faulted") return true;
            }
            catch (HttpRequestException)
            {
                // The node is going down mid-request.
            }
            catch (TaskCanceledException)
            {
                // Likewise, or slow under load: ask again.
            }
        }
        throw new TimeoutException("The node neither crashed nor quarantined the instance within 90 s.");
    }
}
