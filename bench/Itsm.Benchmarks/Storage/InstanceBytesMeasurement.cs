using Itsm.Orchestrator.Records.Notifications;
using System.Diagnostics;
using System.Globalization;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;
using Itsm.Benchmarks.Reporting;
using Itsm.Orchestrator.Runtime;

namespace Itsm.Benchmarks.Storage;

/// <summary>
/// Starts instances of a flow that suspends on an event bookmark the way the runtime does (engine burst →
/// <see cref="PendingInstance.ToWrite"/> → <c>CommitAsync</c>), then measures what they occupy on disk.
/// </summary>
internal static class InstanceBytesMeasurement
{
    // The flow writes no records; the host's notification rules (none configured) are all it needs of them.
    private static readonly NotificationRouting NoChannels =
        new(Microsoft.Extensions.Options.Options.Create(new NotificationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<NotificationRouting>.Instance);

    /// <summary>An initialized database with no rows: the baseline subtracted from the filled one.</summary>
    public static async Task<long> MeasureEmptyAsync(string dataPath, CancellationToken cancellationToken)
    {
        string databasePath;
        await using (var host = await BenchPersistenceHost.StartAsync(dataPath, cancellationToken).ConfigureAwait(false))
        {
            databasePath = host.DatabasePath;
        }

        using var file = new DatabaseFile(databasePath);
        return file.CheckpointAndMeasure();
    }

    /// <summary>
    /// Commits <paramref name="warmup"/> then <paramref name="instances"/> starts from <paramref name="concurrency"/>
    /// tasks (only the second batch is timed; both are counted in the footprint, which is per instance anyway).
    /// </summary>
    public static async Task<(PersistedStartRate Rate, InstanceBytesResult Bytes)> RunAsync(
        string dataPath,
        long emptyDatabaseBytes,
        int warmup,
        int instances,
        int concurrency,
        CancellationToken cancellationToken)
    {
        var workflow = Engine.BenchFlows.ApprovalFlow();
        var executor = new WorkflowExecutor(new EngineOptions(), TimeProvider.System);
        string databasePath;
        PersistedStartRate rate;
        string? sampleId;
        await using (var host = await BenchPersistenceHost.StartAsync(dataPath, cancellationToken).ConfigureAwait(false))
        {
            databasePath = host.DatabasePath;
            var store = host.Store;
            if (warmup > 0)
            {
                await StartManyAsync(store, executor, workflow, 0, warmup, concurrency, null, cancellationToken).ConfigureAwait(false);
            }

            var transactionsBefore = store.CommittedTransactions;
            var latencies = new LatencyRecorder(instances);
            var started = Stopwatch.GetTimestamp();
            sampleId = await StartManyAsync(store, executor, workflow, warmup, instances, concurrency, latencies, cancellationToken)
                .ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            rate = new PersistedStartRate(instances, elapsed, concurrency, store.CommittedTransactions - transactionsBefore, latencies.Summarize());
        }

        using var file = new DatabaseFile(databasePath);
        var size = file.CheckpointAndMeasure();
        long total = warmup + instances;
        var instanceTable = Footprint(file, "Instances");
        if (instanceTable.Rows != total)
        {
            throw new InvalidOperationException($"{instanceTable.Rows} instance rows stored, expected {total}.");
        }

        var bytes = new InstanceBytesResult(
            total,
            emptyDatabaseBytes,
            size,
            file.PageSize,
            file.FreePages,
            instanceTable,
            Footprint(file, "Bookmarks"),
            Footprint(file, "Journal"),
            Sample(file, sampleId ?? throw new InvalidOperationException("No instance was started.")),
            file.PagesByTable());
        return (rate, bytes);
    }

    /// <returns>The id of one instance started, as the sample.</returns>
    private static async Task<string?> StartManyAsync(
        Orchestrator.Persistence.Sqlite.SqliteWorkflowStore store,
        WorkflowExecutor executor,
        CompiledWorkflow workflow,
        int firstNumber,
        int count,
        int concurrency,
        LatencyRecorder? latencies,
        CancellationToken cancellationToken)
    {
        var next = -1;
        string? sample = null;
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < count)
                {
                    var begin = Stopwatch.GetTimestamp();
                    var id = await StartOneAsync(store, executor, workflow, firstNumber + index, cancellationToken).ConfigureAwait(false);
                    latencies?.Record(Stopwatch.GetTimestamp() - begin);
                    Interlocked.CompareExchange(ref sample, id, null);
                }
            },
            cancellationToken));
        await Task.WhenAll(workers).ConfigureAwait(false);
        return sample;
    }

    /// <summary>What <c>WorkflowRuntime.StartAsync</c> does for a webhook-style start, minus the instance lock and hooks.</summary>
    private static async Task<string> StartOneAsync(
        Orchestrator.Persistence.Sqlite.SqliteWorkflowStore store,
        WorkflowExecutor executor,
        CompiledWorkflow workflow,
        int number,
        CancellationToken cancellationToken)
    {
        // A ticket-shaped input and correlation id, as a service-desk webhook would send.
        var ticket = "INC-" + number.ToString("D7", CultureInfo.InvariantCulture);
        var input = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ticketId"] = ticket };
        var state = executor.CreateState(workflow, Ids.New(), input, ticket);
        var burst = await executor.StartAsync(workflow, state, null, null, cancellationToken).ConfigureAwait(false);
        if (state.Status != InstanceStatus.Suspended || state.Bookmarks.Count != 1)
        {
            throw new InvalidOperationException(
                $"The approval flow ended {state.Status} with {state.Bookmarks.Count} bookmark(s), expected Suspended with 1; fault: {state.Fault?.Message}");
        }

        var pending = new PendingInstance(state, 0, workflow);
        pending.Bursts.Add(burst);
        await store.CommitAsync([pending.ToWrite(NoChannels)], cancellationToken).ConfigureAwait(false);
        return state.InstanceId;
    }

    private static TableFootprint Footprint(DatabaseFile file, string table) =>
        new(table, file.Scalar($"SELECT count(*) FROM \"{table}\";"), file.Scalar($"SELECT coalesce(sum({file.TextBytesExpression(table)}), 0) FROM \"{table}\";"));

    private static SampleInstance Sample(DatabaseFile file, string instanceId)
    {
        var id = ("$id", (object)instanceId);
        return new SampleInstance(
            instanceId,
            file.Scalar($"SELECT {file.TextBytesExpression("Instances")} FROM Instances WHERE Id = $id;", id),
            file.Scalar("SELECT length(CAST(StateJson AS BLOB)) FROM Instances WHERE Id = $id;", id),
            file.Scalar("SELECT count(*) FROM Bookmarks WHERE InstanceId = $id;", id),
            file.Scalar($"SELECT coalesce(sum({file.TextBytesExpression("Bookmarks")}), 0) FROM Bookmarks WHERE InstanceId = $id;", id),
            file.Scalar("SELECT coalesce(sum(length(CAST(PayloadJson AS BLOB))), 0) FROM Bookmarks WHERE InstanceId = $id;", id),
            file.Scalar("SELECT count(*) FROM Journal WHERE InstanceId = $id;", id),
            file.Scalar($"SELECT coalesce(sum({file.TextBytesExpression("Journal")}), 0) FROM Journal WHERE InstanceId = $id;", id),
            file.Text("SELECT StateJson FROM Instances WHERE Id = $id;", id));
    }
}
