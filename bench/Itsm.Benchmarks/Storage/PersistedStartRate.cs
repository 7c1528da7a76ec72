using Itsm.Benchmarks.Reporting;

namespace Itsm.Benchmarks.Storage;

/// <summary>Starts run and committed through the real store by <see cref="Concurrency"/> concurrent tasks.</summary>
/// <param name="Transactions">Group-commit transactions the store's writer issued for them.</param>
/// <param name="Latency">Per start: engine run + <c>CommitAsync</c> until durable.</param>
public sealed record PersistedStartRate(long Instances, TimeSpan Elapsed, int Concurrency, long Transactions, LatencySummary Latency)
{
    public double InstancesPerSecond => Elapsed > TimeSpan.Zero ? Instances / Elapsed.TotalSeconds : 0;

    public double InstancesPerTransaction => Transactions > 0 ? (double)Instances / Transactions : 0;
}
