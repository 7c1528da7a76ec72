using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Http;

/// <summary>Outcome of <see cref="ClosedLoopPeakProbe.RunAsync"/>.</summary>
/// <param name="Completed">Responses (any status) completed inside the measured window.</param>
/// <param name="Latency">Per-request time; closed loop, so it excludes queueing the probe itself avoided.</param>
public sealed record PeakResult(
    int Concurrency,
    TimeSpan Measured,
    long Completed,
    IReadOnlyDictionary<string, long> Outcomes,
    LatencySummary Latency)
{
    public double Throughput => Measured > TimeSpan.Zero ? Completed / Measured.TotalSeconds : 0;

    /// <summary>Open-loop runs go at half the closed-loop peak: near the peak, queueing dominates every percentile.</summary>
    public double SuggestedOpenLoopRate => Throughput / 2;

    public void WriteTo(ReportWriter report)
    {
        report.Header("peak (closed loop, fixed concurrency)");
        report.Line("concurrency", Concurrency, "workers");
        report.Line("measured", Measured.TotalSeconds, "s");
        report.Line("completed", Completed, "requests");
        report.Line("peak throughput", Throughput, "req/s", 1);
        report.Line("suggested open-loop rate", SuggestedOpenLoopRate, "req/s (50% of peak)", 1);
        foreach (var (outcome, count) in Outcomes)
        {
            report.Line($"outcome {outcome}", count, "requests");
        }

        report.Latency("latency", Latency);
    }
}
