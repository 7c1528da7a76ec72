namespace Itsm.Benchmarks.Engine;

/// <summary>One measured case of <see cref="EngineStepMeasurement"/>: many runs of one flow, timed and weighed together.</summary>
/// <param name="Case">Human label, e.g. "literal, 10 steps".</param>
/// <param name="StepsPerRun">Activities each run executes (checked against <c>BurstResult.Steps</c>).</param>
/// <param name="Runs">Runs in the measured window (warm-up excluded).</param>
/// <param name="Elapsed">Length of the measured window.</param>
/// <param name="AllocatedBytes">Bytes allocated on the measuring thread during the window.</param>
/// <param name="AsyncCompletions">
/// Runs whose <c>StartAsync</c> did not complete synchronously. Expected 0; otherwise the continuation may have
/// moved threads and the per-thread allocation figure is incomplete.
/// </param>
public sealed record EngineRunResult(
    string Case,
    int StepsPerRun,
    long Runs,
    TimeSpan Elapsed,
    long AllocatedBytes,
    long AsyncCompletions)
{
    public double NanosecondsPerRun => Runs > 0 ? Elapsed.TotalNanoseconds / Runs : 0;

    public double NanosecondsPerStep => NanosecondsPerRun / StepsPerRun;

    public double BytesPerRun => Runs > 0 ? (double)AllocatedBytes / Runs : 0;

    public double BytesPerStep => BytesPerRun / StepsPerRun;
}
