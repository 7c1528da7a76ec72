using System.Diagnostics;

namespace Itsm.Benchmarks.Reporting;

/// <summary>Percentiles of one latency distribution, in milliseconds.</summary>
public sealed record LatencySummary(
    long Count,
    double MeanMs,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// Summarises <see cref="Stopwatch"/> tick durations. Sorts <paramref name="ticks"/> in place:
    /// an exact sorted array is simpler than a histogram and the sample counts here fit in memory.
    /// </summary>
    public static LatencySummary FromStopwatchTicks(Span<long> ticks)
    {
        if (ticks.IsEmpty)
        {
            return Empty;
        }

        ticks.Sort();
        double sum = 0;
        foreach (var t in ticks)
        {
            sum += t;
        }

        return new LatencySummary(
            ticks.Length,
            ToMs(sum / ticks.Length),
            ToMs(Percentile(ticks, 0.50)),
            ToMs(Percentile(ticks, 0.90)),
            ToMs(Percentile(ticks, 0.99)),
            ToMs(Percentile(ticks, 0.999)),
            ToMs(ticks[^1]));
    }

    // Nearest-rank: the smallest sample with at least p of the samples at or below it.
    private static long Percentile(ReadOnlySpan<long> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double ToMs(double ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
