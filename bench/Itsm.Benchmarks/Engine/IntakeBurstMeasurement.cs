using System.Diagnostics;
using Itsm.Activities.Engine;
using Itsm.Activities.Expressions;
using Itsm.Activities.Model;
using Itsm.Benchmarks.Webhook;

namespace Itsm.Benchmarks.Engine;

/// <summary>
/// The engine burst of one webhook start of the shipped intake stream, in process: <c>CreateState</c> + a start at
/// its HttpEndpoint with a parsed alert, through the three script steps to the triage task it suspends on. Run with
/// the script fast path, with every script on Jint, and for the literal twin of the stream, in interleaved rounds:
/// the script cost of a start without HTTP or SQLite, and its allocation, which is deterministic.
/// </summary>
internal static class IntakeBurstMeasurement
{
    private const string InstanceId = "0190c0de0000700080000000000bench";
    private const int Batch = 64;

    public static IReadOnlyList<(string Label, CompiledWorkflow Workflow, EngineOptions Options)> Cases()
    {
        var intake = BenchFlows.FromJson(IntakeWorkflow.Json());
        return
        [
            ("intake start, scripts on the fast path", intake, new EngineOptions()),
            ("intake start, scripts on Jint only", intake, new EngineOptions { Scripts = new ScriptOptions { FastPath = false } }),
            ("intake start, literal twin", BenchFlows.FromJson(IntakeWorkflow.LiteralJson()), new EngineOptions()),
        ];
    }

    public static async Task<EngineRunResult> MeasureAsync(string label, CompiledWorkflow workflow, EngineOptions options, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var executor = new WorkflowExecutor(options, TimeProvider.System);
        var steps = await RunOnceAsync(executor, workflow, cancellationToken).ConfigureAwait(false);
        await LoopAsync(executor, workflow, warmup, cancellationToken).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var (runs, elapsed) = await LoopAsync(executor, workflow, duration, cancellationToken).ConfigureAwait(false);
        return new EngineRunResult(label, steps, runs, elapsed, GC.GetAllocatedBytesForCurrentThread() - bytesBefore, 0);
    }

    private static HttpRequestData Request() => new(
        "POST", "/workflows/incidents",
        PlainJson.Parse("""{"source":"monitoring","alertId":"ALERT-1","title":"Access point AP-17 unreachable","site":"Warehouse 3","severity":"major"}"""),
        new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    private static async Task<int> RunOnceAsync(WorkflowExecutor executor, CompiledWorkflow workflow, CancellationToken cancellationToken)
    {
        var state = executor.CreateState(workflow, InstanceId, null, null);
        var result = await executor.StartAsync(workflow, state, "receive", Request(), cancellationToken).ConfigureAwait(false);
        // A start that faulted or did not reach the task would be cheap for the wrong reason: refuse to time it.
        if (state.Status != InstanceStatus.Suspended || state.Bookmarks.Count != 1)
            throw new InvalidOperationException($"'{workflow.DefinitionId}' ended {state.Status} after {result.Steps} steps; fault: {state.Fault?.Message}");
        return result.Steps;
    }

    private static async Task<(long Runs, TimeSpan Elapsed)> LoopAsync(WorkflowExecutor executor, CompiledWorkflow workflow, TimeSpan duration, CancellationToken cancellationToken)
    {
        long runs = 0;
        var request = Request();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            for (var i = 0; i < Batch; i++)
            {
                var state = executor.CreateState(workflow, InstanceId, null, null);
                await executor.StartAsync(workflow, state, "receive", request, cancellationToken).ConfigureAwait(false);
            }
            runs += Batch;
            now = Stopwatch.GetTimestamp();
        }
        while (now < end && !cancellationToken.IsCancellationRequested);
        return (runs, Stopwatch.GetElapsedTime(start, now));
    }
}
