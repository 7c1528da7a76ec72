using System.Collections.Concurrent;
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
/// Two real hosts on one PostgreSQL database behind a "load balancer" (the test's client alternates them). A thousand
/// value streams are started through both — each opens a ticket record, waits on a Delay, waits for a person's task,
/// waits on a second Delay — and one node is killed with SIGKILL while starts and timers are in flight. The client
/// retries a start the dead node never answered on the survivor, with the same Idempotency-Key, as a real sender
/// would. Everything must finish on the survivor: one instance per start, one ticket per instance, every timer's step
/// run once, no task left or doubled.
/// </summary>
public sealed class TwoNodeCrashTests : IAsyncLifetime
{
    private const int Starts = 1000;
    private const string ApiKey = "two-node-test-api-key-0123456789abcdef";
    private readonly string _root = Directory.CreateTempSubdirectory("itsm-two-node-").FullName;
    private PostgreSqlTestDatabase _database = null!;
    private string WorkflowsPath => Path.Combine(_root, "workflows");
    private static string Orchestrator => Path.Combine(AppContext.BaseDirectory, "Itsm.Orchestrator.dll");

    private Dictionary<string, string> NodeSettings => new()
    {
        ["Itsm__Persistence__Provider"] = "PostgreSql",
        ["ConnectionStrings__Itsm"] = _database.ConnectionString,
        ["Itsm__Activities__Assemblies__0"] = Path.Combine(AppContext.BaseDirectory, "Itsm.TicketPlugin.dll"),
        // The survivor takes over the dead node's timers at its next scan; keep the test short.
        ["Itsm__Timers__ScanInterval"] = "00:00:01",
        ["Itsm__Webhooks__RateLimit__PermitLimit"] = "0",
    };

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        Directory.CreateDirectory(WorkflowsPath);
        var flow = new FlowBuilder("two-node-stream")
            .Activity("hook", "Elsa.HttpEndpoint", ("path", Literal("String", "two-node/start")), ("supportedMethods", Obj("String[]", "[\"POST\"]")))
            .Activity("open", "Acme.OpenTicket", ("title", Literal("String", "AP-17 unreachable")))
            .Activity("cool", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:00:02")))
            .Activity("check", "Elsa.RunTask", ("taskName", Literal("String", "check-ap")), ("role", Literal("String", "network support")))
            .Activity("settle", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "00:00:01")))
            .Chain("hook", "open", "cool", "check", "settle").Trigger("hook");
        await File.WriteAllTextAsync(Path.Combine(WorkflowsPath, "two-node-stream.json"), flow.ToJson());
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_node_killed_mid_flight_loses_nothing_and_the_survivor_runs_every_step_once()
    {
        await using var doomed = await OrchestratorProcess.StartAsync(Orchestrator, Path.Combine(_root, "node-a"), WorkflowsPath, ApiKey, default, NodeSettings);
        await using var survivor = await OrchestratorProcess.StartAsync(Orchestrator, Path.Combine(_root, "node-b"), WorkflowsPath, ApiKey, default, NodeSettings);
        using var toDoomed = Client(doomed);
        using var toSurvivor = Client(survivor);

        // Starts through both nodes; the doomed one dies half-way, with requests in flight.
        var instances = new ConcurrentDictionary<int, string>();
        var acknowledged = 0;
        using var killed = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            while (Volatile.Read(ref acknowledged) < Starts / 2) await Task.Delay(5);
            await doomed.CrashAsync();
            await killed.CancelAsync();
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, Starts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var first = n % 2 == 0 && !killed.IsCancellationRequested ? toDoomed : toSurvivor;
            var instanceId = await TryStartAsync(first, n) ?? await TryStartAsync(toSurvivor, n)
                ?? throw new InvalidOperationException($"Start {n} was refused by the survivor too.");
            instances[n] = instanceId;
            Interlocked.Increment(ref acknowledged);
        });
        await killer;
        instances.Values.Distinct().Should().HaveCount(Starts, "each start's idempotency key names one instance, whichever node answered");

        // People work the inbox on the survivor as tasks appear (after the first Delay) until every stream is done.
        var completed = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (await CountAsync("SELECT count(*) FROM \"Instances\" WHERE \"Status\" = 2") < Starts)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "every instance should finish on the survivor");
            foreach (var taskId in await OpenTasksAsync(toSurvivor))
            {
                if (!completed.Add(taskId)) continue;
                var done = await toSurvivor.PostAsJsonAsync($"elsa/api/tasks/{taskId}/complete", new { result = "replaced" });
                done.StatusCode.Should().Be(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
            }
            await Task.Delay(250);
        }

        (await CountAsync("SELECT count(*) FROM \"Instances\"")).Should().Be(Starts, "no start made two instances");
        completed.Should().HaveCount(Starts, "one task per instance, none doubled");
        (await CountAsync("SELECT count(*) FROM \"Tasks\"")).Should().Be(0);
        (await CountAsync("SELECT count(*) FROM \"Bookmarks\"")).Should().Be(0);
        (await CountAsync("SELECT count(*) FROM \"Records\" WHERE \"RecordType\" = 'ticket' AND \"Version\" = 1")).Should().Be(Starts,
            "one ticket per instance, written once");
        foreach (var step in new[] { "cool", "settle", "check", "open" })
        {
            var runs = await CountAsync(
                $"SELECT count(*) FROM \"Journal\" WHERE \"ActivityId\" = '{step}' AND \"EventName\" = 'Completed'");
            runs.Should().Be(Starts, $"'{step}' runs once per instance (a timer fired twice would complete it twice)");
        }
    }

    private static HttpClient Client(OrchestratorProcess node)
    {
        var client = new HttpClient { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>The instance a start made (or the earlier delivery of the same key made); null when that node is gone.</summary>
    private static async Task<string?> TryStartAsync(HttpClient node, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "workflows/two-node/start") { Content = JsonContent.Create(new { alert = n }) };
        request.Headers.Add("Idempotency-Key", $"start-{n}");
        try
        {
            using var response = await node.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
        }
        catch (HttpRequestException)
        {
            return null; // the node died with the request in flight
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<List<string>> OpenTasksAsync(HttpClient node)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = (await node.GetFromJsonAsync<JsonObject>($"api/tasks?pageSize=200{(after is null ? "" : "&after=" + after)}"))!;
            var items = page["items"]!.AsArray();
            ids.AddRange(items.Select(item => item!["id"]!.GetValue<string>()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return ids;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
