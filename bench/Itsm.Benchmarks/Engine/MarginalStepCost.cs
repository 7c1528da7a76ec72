namespace Itsm.Benchmarks.Engine;

/// <summary>
/// A short and a long run of the same kind of flow, differenced: the long/short gap is what each extra step
/// costs, and what remains of the short run is the fixed per-run cost (state, burst, journal list, ...).
/// Total/steps alone would charge that fixed cost to the steps.
/// </summary>
public sealed record MarginalStepCost(EngineRunResult Short, EngineRunResult Long)
{
    private int ExtraSteps => Long.StepsPerRun - Short.StepsPerRun;

    public double NanosecondsPerStep => (Long.NanosecondsPerRun - Short.NanosecondsPerRun) / ExtraSteps;

    public double BytesPerStep => (Long.BytesPerRun - Short.BytesPerRun) / ExtraSteps;

    public double NanosecondsPerRunOverhead => Short.NanosecondsPerRun - (Short.StepsPerRun * NanosecondsPerStep);

    public double BytesPerRunOverhead => Short.BytesPerRun - (Short.StepsPerRun * BytesPerStep);
}
