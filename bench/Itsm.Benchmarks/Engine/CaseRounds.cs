namespace Itsm.Benchmarks.Engine;

/// <summary>
/// Every round of one case. Cases are measured interleaved (round 1 of each, then round 2 of each, ...) so a burst
/// of load from another process hits all of them instead of skewing one; the median round is the figure reported,
/// the fastest and slowest show how noisy the machine was.
/// </summary>
public sealed record CaseRounds(string Case, IReadOnlyList<EngineRunResult> Rounds)
{
    private IReadOnlyList<EngineRunResult> Sorted => [.. Rounds.OrderBy(r => r.NanosecondsPerRun)];

    public EngineRunResult Median => Sorted[Sorted.Count / 2];

    public EngineRunResult Fastest => Sorted[0];

    public EngineRunResult Slowest => Sorted[^1];
}
