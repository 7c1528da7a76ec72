using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Itsm.Activities.Tests.Support;
using Itsm.Orchestrator.Tests.Support;
using Npgsql;
using static Itsm.Activities.Tests.Support.FlowBuilder;

namespace Itsm.Orchestrator.Tests.MultiNode;

/// <summary>
/// Two orchestrator processes on one PostgreSQL database: a node arms a timer and is killed with SIGKILL before it
/// is due; the other node fires it, once (PostgreSQL only).
/// </summary>
public sealed class NodeCrashTimerTests : IAsyncLifetime
{
    private const string ApiKey = "multi-node-timer-test-api-key-0123456789abcdef";
    private readonly string _root = Directory.CreateTempSubdirectory("itsm-two-nodes-").FullName;
    private string WorkflowsPath => Path.Combine(_root, "workflows");
    private static string Orchestrator => Path.Combine(AppContext.BaseDirectory, "Itsm.Orchestrator.dll");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkflowsPath);
        var flow = new FlowBuilder("two-node-delay")
            .Variable("Woke", "Boolean", "false")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "two-nodes/start")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("pause", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:00:05")))
            .Activity("wake", "Elsa.SetVariable", ("variable", VariableRef("Woke")), ("value", Literal("Object", "true")))
            .Chain("hook", "pause", "wake").Trigger("hook");
        await File.WriteAllTextAsync(Path.Combine(WorkflowsPath, "two-node-delay.json"), flow.ToJson());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_timer_armed_by_a_node_that_then_dies_is_fired_once_by_the_other_node()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Itsm__Persistence__Provider"] = "PostgreSql",
            ["ConnectionStrings__Itsm"] = database.ConnectionString,
            ["Itsm__Timers__ScanInterval"] = "00:00:01",
        };
        var nodes = await Task.WhenAll(
            OrchestratorProcess.StartAsync(Orchestrator, Path.Combine(_root, "a"), WorkflowsPath, ApiKey, default, settings),
            OrchestratorProcess.StartAsync(Orchestrator, Path.Combine(_root, "b"), WorkflowsPath, ApiKey, default, settings));
        await using var doomed = nodes[0];
        await using var survivor = nodes[1];

        using var client = new HttpClient { BaseAddress = doomed.BaseUri };
        var started = await client.PostAsJsonAsync("workflows/two-nodes/start", new { reason = "test" });
        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        await doomed.CrashAsync();

        using var admin = new HttpClient { BaseAddress = survivor.BaseUri };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        var finished = await Eventually.HoldsAsync(async () =>
        {
            var instance = await admin.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-instances/{instanceId}");
            return instance?["status"]?.GetValue<string>() == "Finished";
        }, TimeSpan.FromSeconds(60));
        finished.Should().BeTrue("the survivor's workers fire the dead node's timer from the shared storage");

        // Once: the dead node's commit recorded its arming, so the survivor's horizon did not arm it again.
        (await CountAsync(database, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%' || $1 || '%'", instanceId))
            .Should().Be(1);
        // The job may hand the last moment before due to the node's finish line and return, so the instance can finish
        // a moment before Hangfire records the job's success.
        (await Eventually.HoldsAsync(async () => await CountAsync(database,
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%' || $1 || '%' AND statename = 'Succeeded'", instanceId) == 1,
            TimeSpan.FromSeconds(30))).Should().BeTrue("the one job succeeded");
        (await CountAsync(database, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%' || $1 || '%'", instanceId))
            .Should().Be(1, "nothing armed it again meanwhile");
    }

    private static async Task<long> CountAsync(PostgreSqlTestDatabase database, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
