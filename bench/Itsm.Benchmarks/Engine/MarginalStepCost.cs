namespace Itsm.Benchmarks.Engine;

/// <summary>
/// A short and a long run of the same kind of flow, differenced: the long/short gap is what each extra step
/// costs, and what remains of the short run is the fixed per-run cost (state, burst, journal list, ...).
/// Total/steps alone would charge that fixed cost to the steps.
/// </summary>
public sealed record MarginalStepCost(EngineRunResult ShortRun, EngineRunResult LongRun)
{
    private int ExtraSteps => LongRun.StepsPerRun - ShortRun.StepsPerRun;

    public double NanosecondsPerStep => (LongRun.NanosecondsPerRun - ShortRun.NanosecondsPerRun) / ExtraSteps;

    public double BytesPerStep => (LongRun.BytesPerRun - ShortRun.BytesPerRun) / ExtraSteps;

    public double NanosecondsPerRunOverhead => ShortRun.NanosecondsPerRun - (ShortRun.StepsPerRun * NanosecondsPerStep);

    public double BytesPerRunOverhead => ShortRun.BytesPerRun - (ShortRun.StepsPerRun * BytesPerStep);
}
