using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Itsm.Orchestrator.Tests.Support;

/// <summary>
/// The real host on a fresh database (a SQLite file in a temp folder, or a PostgreSQL database: <see cref="TestDatabase"/>), with a fake clock (Monday 2026-11-23 09:00 UTC)
/// and a manual timer scheduler instead of Hangfire's server. Pass an existing <c>dataPath</c> to start a
/// second host on the same data (a restart); the folder is deleted only by the factory that created it.
/// </summary>
public sealed class ItsmAppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset StartOfTest = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly bool _ownsData;

    private readonly bool _realTimers;
    private readonly string? _workflowsPath;

    /// <param name="realTimers">Keep the system clock and Hangfire's server (for the few tests of that wiring).</param>
    /// <param name="workflowsPath">Seed from this folder instead of the repository's <c>workflows/</c>.</param>
    public ItsmAppFactory(string? dataPath = null, DateTimeOffset? now = null, bool realTimers = false, string? workflowsPath = null)
    {
        _realTimers = realTimers;
        _workflowsPath = workflowsPath;
        _ownsData = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "itsm-tests", Guid.NewGuid().ToString("N"));
        Clock = new FakeTimeProvider(now ?? StartOfTest);
        Timers = new ManualTimerScheduler { Clock = Clock };
    }

    public const string ApiKey = "test-key-0123456789abcdef";
    public const string AdminPassword = "correct horse battery staple";

    public string DataPath { get; }

    /// <summary>Extra configuration (e.g. <c>Itsm:Outbox:DispatchAfterCommit</c>), applied over the test defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces or decorates services after the host's own registrations (fakes for one test).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }
    public FakeTimeProvider Clock { get; }
    public ManualTimerScheduler Timers { get; }

    public IWorkflowRuntime Runtime => Services.GetRequiredService<IWorkflowRuntime>();
    public IWorkflowDefinitionService Definitions => Services.GetRequiredService<IWorkflowDefinitionService>();
    public IWorkflowStore Store => Services.GetRequiredService<IWorkflowStore>();
    public IWorkflowQueries Queries => Services.GetRequiredService<IWorkflowQueries>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Itsm:DataPath", DataPath);
        builder.UseSetting("Itsm:Timers:RunServer", _realTimers ? "true" : "false");
        builder.UseSetting("Itsm:Timers:SchedulePollingInterval", "00:00:00.100");
        if (_workflowsPath is not null) builder.UseSetting("Itsm:WorkflowsPath", _workflowsPath);
        foreach (var (key, value) in TestDatabase.SettingsFor(DataPath)) builder.UseSetting(key, value);
        builder.UseSetting("Itsm:ApiKeys:0", ApiKey);
        builder.UseSetting("Itsm:AdminPassword", AdminPassword);
        // Tests start on an empty record store; the demo estate's own tests turn it on.
        builder.UseSetting("Itsm:Records:SeedDemoEstate", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (TestServices is { } configure) builder.ConfigureTestServices(configure);
        if (_realTimers) return;
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IDurableTimerScheduler>();
            services.AddSingleton<IDurableTimerScheduler>(provider =>
            {
                Timers.Services = provider;
                return Timers;
            });
        });
    }

    /// <summary>Clients act as a system with the test API key unless a test removes the header.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", ApiKey);
    }

    /// <summary>Saves and publishes a definition (throws with the compiler's errors when it does not compile).</summary>
    public async Task<string> PublishAsync(string json)
    {
        var result = await Definitions.SaveAsync(ElsaJson.ParseDefinition(json), publish: true, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return result.Definition!.DefinitionId;
    }

    /// <summary>
    /// Waits for the follow-up work (event deliveries, parent resumes, notifications) that commits so far handed to the
    /// background: a caller is answered after its commit, not after its follow-up.
    /// </summary>
    public Task FollowUpAsync() => Services.GetRequiredService<Itsm.Orchestrator.Outbox.OutboxDispatcher>().DrainAsync(CancellationToken.None);

    public async Task<WorkflowStateView> InstanceAsync(string instanceId)
    {
        var record = await Store.FindInstanceAsync(instanceId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No instance {instanceId}.");
        return new WorkflowStateView(record, WorkflowStateSerializer.Deserialize(record.StateJson));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        // Only the factory that created the data folder ends its database: a restart test's second host shares it.
        if (_ownsData) TestDatabase.Release(DataPath);
        if (_ownsData && Directory.Exists(DataPath))
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A lingering handle on a temp folder is not worth failing a test over.
            }
    }
}

public sealed record WorkflowStateView(InstanceRecord Record, Itsm.Activities.Engine.WorkflowState State)
{
    public object? Variable(string name) => State.Variables.GetValueOrDefault(name);
}
