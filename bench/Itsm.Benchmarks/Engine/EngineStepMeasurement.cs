using System.Diagnostics;
using Itsm.Activities.Engine;
using Itsm.Activities.Model;

namespace Itsm.Benchmarks.Engine;

/// <summary>
/// Times the pure engine: for each run, a fresh <see cref="WorkflowState"/> and one
/// <see cref="WorkflowExecutor.StartAsync"/> to completion, on one thread, no persistence. Allocation is read
/// from the per-thread counter, which is exact as long as every run completes synchronously (it does for
/// SetVariable; <see cref="EngineRunResult.AsyncCompletions"/> says whether that held).
/// </summary>
internal static class EngineStepMeasurement
{
    // Runs between clock reads: small enough to stop close to the deadline, big enough that reading the
    // clock is noise next to the runs it covers.
    private const int Batch = 64;

    // A fixed id rather than Ids.New(): the GUID formatting is the runtime's per-start cost, not the engine's.
    private const string InstanceId = "0190c0de0000700080000000000bench";

    public static async Task<EngineRunResult> MeasureAsync(
        string label,
        CompiledWorkflow workflow,
        int expectedSteps,
        TimeSpan warmup,
        TimeSpan duration,
        CancellationToken cancellationToken,
        EngineOptions? options = null)
    {
        var executor = new WorkflowExecutor(options ?? new EngineOptions(), TimeProvider.System);
        await VerifyAsync(executor, workflow, expectedSteps, cancellationToken).ConfigureAwait(false);
        // Warm-up lets tiered JIT promote the hot path (and Jint cache its parses) before the clock starts.
        await LoopAsync(executor, workflow, expectedSteps, warmup, cancellationToken).ConfigureAwait(false);

        // Collect the warm-up garbage so a gen0/gen1 it left behind is not charged to the measured window.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var (runs, elapsed, asyncCompletions) = await LoopAsync(executor, workflow, expectedSteps, duration, cancellationToken)
            .ConfigureAwait(false);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return new EngineRunResult(label, expectedSteps, runs, elapsed, allocated, asyncCompletions);
    }

    /// <summary>
    /// One <see cref="Dictionary{TKey,TValue}"/> set with a boxed int per iteration: the floor of "store a variable",
    /// timed in the same process and minute as the engine so a reader can calibrate the engine figures.
    /// </summary>
    public static ReferenceResult MeasureReference(TimeSpan duration)
    {
        var variables = new Dictionary<string, object>(StringComparer.Ordinal) { ["Counter"] = 0 };
        const int inner = 4096;
        // Untimed lead-in so the loop is measured at its final JIT tier.
        for (var i = 0; i < 200_000; i++)
        {
            variables["Counter"] = i;
        }

        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long operations = 0;
        long now;
        do
        {
            for (var i = 0; i < inner; i++)
            {
                variables["Counter"] = i;
            }

            operations += inner;
            now = Stopwatch.GetTimestamp();
        }
        while (now < end);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        // Read the value back so the loop has an observable result.
        GC.KeepAlive(variables["Counter"]);
        return new ReferenceResult("Dictionary<string, object> set, boxed int", operations, Stopwatch.GetElapsedTime(start, now), allocated);
    }

    private static async Task VerifyAsync(WorkflowExecutor executor, CompiledWorkflow workflow, int expectedSteps, CancellationToken cancellationToken)
    {
        // A flow that faulted or stopped early would be cheap for the wrong reason: refuse to time it.
        var state = executor.CreateState(workflow, InstanceId, null, null);
        var result = await executor.StartAsync(workflow, state, null, null, cancellationToken).ConfigureAwait(false);
        if (state.Status != InstanceStatus.Finished || result.Steps != expectedSteps)
        {
            throw new InvalidOperationException(
                $"'{workflow.DefinitionId}' ended {state.Status} after {result.Steps} steps (expected Finished after {expectedSteps}); fault: {state.Fault?.Message}");
        }
    }

    private static async Task<(long Runs, TimeSpan Elapsed, long AsyncCompletions)> LoopAsync(
        WorkflowExecutor executor,
        CompiledWorkflow workflow,
        int expectedSteps,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        long runs = 0;
        long asyncCompletions = 0;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            for (var i = 0; i < Batch; i++)
            {
                var state = executor.CreateState(workflow, InstanceId, null, null);
                var pending = executor.StartAsync(workflow, state, null, null, cancellationToken);
                BurstResult result;
                if (pending.IsCompletedSuccessfully)
                {
                    result = pending.GetAwaiter().GetResult();
                }
                else
                {
                    asyncCompletions++;
                    result = await pending.ConfigureAwait(false);
                }

                if (result.Steps != expectedSteps)
                {
                    throw new InvalidOperationException($"'{workflow.DefinitionId}' ran {result.Steps} steps, expected {expectedSteps}.");
                }
            }

            runs += Batch;
            now = Stopwatch.GetTimestamp();
        }
        while (now < end && !cancellationToken.IsCancellationRequested);

        return (runs, Stopwatch.GetElapsedTime(start, now), asyncCompletions);
    }
}
